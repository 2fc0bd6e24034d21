import { describeServiceBoot } from '@leadrail/service-testing';
import { partnersService } from './partners.service';

describeServiceBoot(partnersService);
