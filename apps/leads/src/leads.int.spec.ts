import { describeServiceBoot } from '@leadrail/service-testing';
import { leadsService } from './leads.service';

describeServiceBoot(leadsService);
