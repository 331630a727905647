import { describe, expect, it } from 'vitest';
import { isPlaceholderValue, isSecretName, urlHasPassword } from './environment.js';

describe('environment variable names that say they hold a secret', () => {
  it.each([
    'DB_PASSWORD',
    'PGPASSWORD',
    'MYSQL_ROOT_PASSWORD',
    'dbPassword',
    'Password',
    'SMTP_PASS',
    'DB_PWD',
    'REDIS_PASSWD',
    'JWT_SECRET',
    'CLIENT_SECRET',
    'clientSecret',
    'GITHUB_TOKEN',
    'slack-bot-token',
    'STRIPE_API_KEY',
    'api.key',
    'APIKEY',
    'JWT_SIGNING_KEY',
    'PRIVATE_KEY',
    'DB_CREDENTIALS',
    'DB_PASSWORD_PROD',
    'API_TOKEN_VALUE',
    'TOKEN_2',
    'SECRET_KEY_BASE',
  ])('%s', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'TOKEN_URL',
    'SECRET_ARN',
    'DB_SECRET_ARN',
    'PASSWORD_PARAMETER_NAME',
    'SECRETS_MANAGER_SECRET_ID',
    'API_KEY_ID',
    'AWS_ACCESS_KEY_ID',
    'PASSWORD_MIN_LENGTH',
    'TOKEN_TTL',
    'TOKEN_ENDPOINT',
    'PWD',
    'OLDPWD',
    'CACHE_KEY',
    'S3_KEY',
    'PASSTHROUGH',
    'BYPASS_CACHE',
    'TABLE_NAME',
    'LOG_LEVEL',
    '',
  ])('not %s', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('values that stand for a secret rather than hold one', () => {
  it.each(['<password>', 'xxxx', '****', 'TODO', 'true', 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf'])('%s', (v) => {
    expect(isPlaceholderValue(v)).toBe(true);
  });
  it.each(['hunter2', 'changeme', 'S3cr3t!', 'x'])('not %s', (v) => {
    expect(isPlaceholderValue(v)).toBe(false);
  });
});

describe('URLs with a password in them', () => {
  it.each([
    ['postgres://app:s3cret@db.internal:5432/app', true],
    ['redis://:t0ken@cache:6379', true],
    ['https://user@example.com', false],
    ['https://example.com/a:b@c', false],
    ['mysql://app:${DB_PASSWORD}@db/app', false],
    ['amqp://guest:<password>@mq', false],
    ['not a url', false],
  ])('%s: %s', (text, expected) => {
    expect(urlHasPassword(text)).toBe(expected);
  });
});
