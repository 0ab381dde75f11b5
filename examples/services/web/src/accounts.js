// Accounts and orders, in memory for the example (the real service reads them from Postgres).
const { scryptSync, timingSafeEqual } = require('node:crypto');

const SALT = 'example-salt';
const hash = (password) => scryptSync(password, SALT, 32);

const byEmail = new Map([['ada@example.com', { id: 1, name: 'Ada', passwordHash: hash('correct horse battery staple') }]]);
const orders = new Map([[1, [{ id: 'o-1001', total: 42.5 }]]]);

async function verify(email, password) {
  const account = byEmail.get(String(email));
  if (!account || typeof password !== 'string') return null;
  return timingSafeEqual(hash(password), account.passwordHash) ? account : null;
}

function ordersOf(accountId) {
  return orders.get(accountId) ?? [];
}

module.exports = { verify, ordersOf };
