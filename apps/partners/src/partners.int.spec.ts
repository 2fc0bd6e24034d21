import { describeServiceBoot } from '@leadrail/testing';
import { partnersService } from './partners.service';

describeServiceBoot(partnersService);
