import { describeServiceBoot } from '@leadrail/service-testing';
import { billingService } from './billing.service';

describeServiceBoot(billingService);
