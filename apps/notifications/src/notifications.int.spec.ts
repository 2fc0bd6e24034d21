import { describeServiceBoot } from '@leadrail/service-testing';
import { notificationsService } from './notifications.service';

describeServiceBoot(notificationsService);
