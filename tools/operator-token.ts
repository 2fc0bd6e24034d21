/**
 * Mints an operator API token:
 *   npm run operator-token -- <operator-id> <admin|read-only>
 * Prints the token (give it to the operator; it is shown once) and the entry to
 * add to OPERATOR_TOKENS, which holds only the token's SHA-256.
 */
import 'reflect-metadata';
import { hashOperatorToken, mintOperatorToken } from '@leadrail/nest-kit';

const [id, role] = process.argv.slice(2);
if (!id || !/^[A-Za-z0-9._@-]{1,100}$/.test(id) || (role !== 'admin' && role !== 'read-only')) {
  console.error('usage: npm run operator-token -- <operator-id> <admin|read-only>');
  process.exit(2);
}
const token = mintOperatorToken();
console.log(`token (give to ${id}, shown once): ${token}`);
console.log(
  `OPERATOR_TOKENS entry:            ${id}:${role}:${hashOperatorToken(token).toString('hex')}`,
);
