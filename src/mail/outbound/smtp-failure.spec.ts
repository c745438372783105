import { classifySendFailure, secretsOfSmtpUrl } from './smtp-failure';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'failed')), fields);

describe('classifying a failed send', () => {
  it('takes a 5xx answer as permanent, with the server\'s words', () => {
    const failure = classifySendFailure(smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 <ola@example.no>: Recipient address rejected' }));
    expect(failure).toEqual({ permanent: true, reason: '550 5.1.1 <ola@example.no>: Recipient address rejected' });
  });

  it('takes a 4xx answer as temporary', () => {
    expect(classifySendFailure(smtpError({ code: 'EMESSAGE', responseCode: 451, response: '451 4.3.0 Try again later' }))).toEqual({ permanent: false, reason: '451 4.3.0 Try again later' });
  });

  it('takes a refused or timed-out connection as temporary', () => {
    expect(classifySendFailure(smtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' }))).toEqual({
      permanent: false,
      reason: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525',
    });
    expect(classifySendFailure(smtpError({ code: 'ETIMEDOUT', message: 'Greeting never received' })).permanent).toBe(false);
  });

  it('takes 503 (commands out of order) and a refused log-in as temporary', () => {
    expect(classifySendFailure(smtpError({ responseCode: 503, response: '503 5.5.1 Bad sequence of commands' })).permanent).toBe(false);
    expect(classifySendFailure(smtpError({ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication failed' })).permanent).toBe(false);
  });

  it('keeps the SMTP password and line breaks out of the reason, and bounds it', () => {
    const secrets = secretsOfSmtpUrl('smtp://desk:s%C3%A6cret@mail.example.no:587');
    const failure = classifySendFailure(smtpError({ code: 'EAUTH', message: 'Invalid login for desk:sæcret\r\nX-Injected: 1' }), secrets);
    expect(failure.reason).toBe('EAUTH: Invalid login for desk:*** X-Injected: 1');
    expect(classifySendFailure(smtpError({ response: `421 ${'x'.repeat(2000)}` })).reason).toHaveLength(500);
  });

  it('copes with something that is not an error', () => {
    expect(classifySendFailure('boom')).toEqual({ permanent: false, reason: 'boom' });
    expect(classifySendFailure(undefined).permanent).toBe(false);
  });
});
