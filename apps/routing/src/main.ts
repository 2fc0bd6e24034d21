import 'reflect-metadata';
import { runService } from '@leadrail/nest-kit';
import { routingService } from './routing.service';

void runService(routingService);
