import { describeServiceBoot } from '@leadrail/service-testing';
import { deliveryService } from './delivery.service';

// Booting opens no lead: the leads service need not be there.
describeServiceBoot(deliveryService, {
  LEADS_URL: 'http://127.0.0.1:9',
  LEADS_TOKEN: 'boot-test-token-not-used-for-anything',
});
