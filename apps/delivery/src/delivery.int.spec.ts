import { describeServiceBoot } from '@leadrail/service-testing';
import { deliveryService } from './delivery.service';

describeServiceBoot(deliveryService);
