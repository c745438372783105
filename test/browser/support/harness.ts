import type { Browser, BrowserContextOptions } from 'playwright-core';
import { startTestApp, TestApp } from '../../support/test-app';
import { Actor, launchBrowser, newActor } from './browser';

export interface BrowserSuite {
  /** The app, started before the suite's first test. */
  readonly desk: TestApp;
  readonly browser: Browser;
  /** A fresh browser context with its page; closed after the test, and its page errors fail the test. */
  actor(options?: BrowserContextOptions): Promise<Actor>;
}

/**
 * What every browser spec sets up: the app and Chromium started once for the describe block in
 * which it is called, each test's contexts closed after it, and the test failed when a page
 * logged an error or broke a rule of the CSP (except the problems `expectedProblems` matches).
 */
export function browserSuite(options: { app?: Parameters<typeof startTestApp>[0]; expectedProblems?: RegExp } = {}): BrowserSuite {
  let desk: TestApp | undefined;
  let browser: Browser | undefined;
  const actors: Actor[] = [];
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`browserSuite: ${name} is not started yet (use it inside a test or a later beforeAll)`);
    return value;
  };

  beforeAll(async () => {
    [desk, browser] = await Promise.all([startTestApp(options.app), launchBrowser()]);
  });

  afterEach(async () => {
    const problems = actors.flatMap((a) => a.problems).filter((problem) => !options.expectedProblems?.test(problem));
    await Promise.all(actors.splice(0).map((a) => a.context.close()));
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  return {
    get desk() {
      return started(desk, 'the app');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    async actor(contextOptions = {}) {
      const created = await newActor(started(browser, 'Chromium'), started(desk, 'the app').url, contextOptions);
      actors.push(created);
      return created;
    },
  };
}
