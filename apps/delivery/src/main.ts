import 'reflect-metadata';
import { runService } from '@leadrail/nest-kit';
import { deliveryService } from './delivery.service';

void runService(deliveryService);
