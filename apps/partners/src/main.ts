import 'reflect-metadata';
import { runService } from '@leadrail/nest-kit';
import { partnersService } from './partners.service';

void runService(partnersService);
