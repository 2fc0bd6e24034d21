import 'reflect-metadata';
import { runService } from '@leadrail/nest-kit';
import { leadsService } from './leads.service';

void runService(leadsService);
