// Storefront web API. Security middleware after a first pass: helmet, CORS for the shop front end,
// cookie sessions for signed-in customers.
const express = require('express');
const helmet = require('helmet');
const cors = require('cors');
const session = require('express-session');
const accounts = require('./accounts');

const app = express();

app.use(
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ['self'],
        imgSrc: ["'self'", 'https://images.example.com'],
      },
    },
    hsts: { maxAge: 86400 },
  }),
);
app.use(cors({ origin: true, credentials: true }));
app.use(express.json());
app.use(
  session({
    secret: 'storefront-session-secret',
    resave: false,
    saveUninitialized: false,
  }),
);

app.get('/healthz', (req, res) => {
  res.json({ status: 'ok' });
});

app.post('/login', async (req, res) => {
  const account = await accounts.verify(req.body.email, req.body.password);
  if (!account) return res.status(401).json({ error: 'Wrong email or password.' });
  req.session.accountId = account.id;
  res.json({ id: account.id, name: account.name });
});

app.get('/orders', (req, res) => {
  if (!req.session.accountId) return res.status(401).end();
  res.json(accounts.ordersOf(req.session.accountId));
});

module.exports = app;
