import { describeServiceBoot } from '@leadrail/testing';
import { routingService } from './routing.service';

describeServiceBoot(routingService);
