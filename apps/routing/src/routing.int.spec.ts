import { describeServiceBoot } from '@leadrail/service-testing';
import { routingService } from './routing.service';

describeServiceBoot(routingService);
