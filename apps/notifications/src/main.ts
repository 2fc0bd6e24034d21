import 'reflect-metadata';
import { runService } from '@leadrail/nest-kit';
import { notificationsService } from './notifications.service';

void runService(notificationsService);
