import { describeServiceBoot } from '@leadrail/testing';
import { billingService } from './billing.service';

describeServiceBoot(billingService);
