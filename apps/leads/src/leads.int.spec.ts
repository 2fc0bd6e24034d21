import { describeServiceBoot } from '@leadrail/testing';
import { leadsService } from './leads.service';

describeServiceBoot(leadsService);
