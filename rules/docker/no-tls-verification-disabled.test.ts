import { ruleTester } from '../../test/ruleTester';
import rule from './no-tls-verification-disabled';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL https://example.com/x -o x && wget -q https://example.com/y',
    { name: 'curl -o k is an output file, not -k', code: 'FROM debian:12\nRUN curl -ok https://example.com/x' },
    { name: 'TLS settings that keep verification on', code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 NPM_CONFIG_STRICT_SSL=true PYTHONHTTPSVERIFY=1\nRUN npm config set strict-ssl true' },
    { name: 'echo of a harmless word', code: 'FROM debian:12\nRUN echo insecure' },
    { name: 'ARG without a value is not set', code: 'FROM debian:12\nARG GIT_SSL_NO_VERIFY' },
    { name: 'a private CA instead', code: 'FROM python:3.12\nCOPY corp-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates && pip install --cert /usr/local/share/ca-certificates/corp-ca.crt flask' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -k https://example.com/x -o x',
      errors: [{ line: 2, column: 10, endColumn: 12, message: '`curl -k` disables TLS certificate verification: remove it and trust the server\'s CA certificate instead.' }],
      output: 'FROM debian:12\nRUN curl https://example.com/x -o x',
    },
    {
      name: 'bundled short flag and --insecure, with sudo',
      code: 'FROM debian:12\nRUN curl -fsSkL https://a/x && sudo curl --insecure https://b/y',
      errors: [{ line: 2, column: 10 }, { line: 2, column: 42 }],
      output: 'FROM debian:12\nRUN curl -fsSL https://a/x && sudo curl https://b/y',
    },
    {
      name: 'wget flag at the end of a continued line',
      code: 'FROM debian:12\nRUN wget --no-check-certificate \\\n      https://example.com/x',
      errors: [{ line: 2, column: 10 }],
      output: 'FROM debian:12\nRUN wget \\\n      https://example.com/x',
    },
    {
      name: 'pip --trusted-host with its value, and the = form',
      code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.org flask && python -m pip install --trusted-host=files.pythonhosted.org requests',
      errors: [{ line: 2, column: 17, message: /^`pip --trusted-host` disables/ }, { line: 2, column: 72 }],
      output: 'FROM python:3.12\nRUN pip install flask && python -m pip install requests',
    },
    {
      name: 'ENV pairs: only pair is removed with the instruction, one of several keeps the rest',
      code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nENV A=1 \\\n    PYTHONHTTPSVERIFY=0 \\\n    B=2\nENV GIT_SSL_NO_VERIFY=true PORT=80\nCMD ["node"]\n',
      errors: [{ line: 2, column: 5 }, { line: 4, column: 5 }, { line: 6, column: 5 }],
      output: 'FROM node:22\nENV A=1 \\\n    B=2\nENV PORT=80\nCMD ["node"]\n',
    },
    {
      name: 'legacy ENV form and npm env names are case-insensitive',
      code: 'FROM node:22\nENV npm_config_strict_ssl false\nENV PIP_TRUSTED_HOST pypi.org\n',
      errors: [{ line: 2, column: 5 }, { line: 3, column: 5 }],
      output: 'FROM node:22\n',
    },
    {
      name: 'assignments in RUN',
      code: 'FROM node:22\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci && export GIT_SSL_NO_VERIFY=1',
      errors: [{ line: 2, column: 5 }, { line: 2, column: 53 }],
      output: 'FROM node:22\nRUN npm ci && export GIT_SSL_NO_VERIFY=1',
    },
    {
      name: 'npm/yarn/git/conda configuration is reported without a fix',
      code: 'FROM node:22\nRUN npm config set strict-ssl false && yarn config set strict-ssl false && git config --global http.sslVerify false && conda config --set ssl_verify false',
      errors: [{ line: 2, column: 20 }, { line: 2, column: 56 }, { line: 2, column: 96 }, { line: 2, column: 139 }],
      output: null,
    },
    {
      name: 'git -c and dnf --setopt are removed with their values',
      code: 'FROM fedora:40\nRUN git -c http.sslVerify=false clone https://example.com/r.git && dnf --setopt=sslverify=0 install -y gcc',
      errors: [{ line: 2, column: 12 }, { line: 2, column: 72 }],
      output: 'FROM fedora:40\nRUN git clone https://example.com/r.git && dnf install -y gcc',
    },
    {
      name: 'sslverify=0 written into a yum configuration',
      code: 'FROM centos:7\nRUN echo "sslverify=0" >> /etc/yum.conf',
      errors: [{ line: 2, column: 10 }],
      output: null,
    },
    {
      name: 'exec form is reported but the JSON is not edited; sh -c form is fixed inside the string',
      code: 'FROM debian:12\nRUN ["curl", "-k", "https://example.com"]\nRUN ["/bin/sh", "-c", "wget --no-check-certificate https://example.com"]',
      errors: [{ line: 2, column: 14 }, { line: 3, column: 29 }],
      output: 'FROM debian:12\nRUN ["curl", "-k", "https://example.com"]\nRUN ["/bin/sh", "-c", "wget https://example.com"]',
    },
    {
      name: 'heredoc RUN',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -k https://example.com/x\nEOF\n',
      errors: [{ line: 4, column: 6 }],
      output: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl https://example.com/x\nEOF\n',
    },
  ],
});
