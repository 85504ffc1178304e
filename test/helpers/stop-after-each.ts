import { afterEach } from 'vitest';

/**
 * Services a test starts (the real service with its fakes), stopped after each test whatever
 * happened in it: `const started = stopAfterEach();` then `const slack = started(await startSlackTestService())`.
 */
export function stopAfterEach(): <T extends { stop(): Promise<void> }>(service: T) => T {
  const running: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
  });
  return (service) => {
    running.push(service);
    return service;
  };
}
