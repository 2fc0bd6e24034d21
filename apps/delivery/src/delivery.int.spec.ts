import { describeServiceBoot } from '@leadrail/testing';
import { deliveryService } from './delivery.service';

describeServiceBoot(deliveryService);
