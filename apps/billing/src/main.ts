import 'reflect-metadata';
import { runService } from '@leadrail/nest-kit';
import { billingService } from './billing.service';

void runService(billingService);
