import { describeServiceBoot } from '@leadrail/testing';
import { notificationsService } from './notifications.service';

describeServiceBoot(notificationsService);
