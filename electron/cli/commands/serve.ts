import { resolve } from 'node:path';
import type { Command } from '../command';
import { int } from '../command';
import { CaseSession } from '../../core/session';
import { openSampleCase } from '../../core/sample-case';
import { startBridge } from '../../serve/server';
import { rendererDir } from '../../paths';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'custodian serve [CASE | --sample] [--port N]',
  summary: 'open a case in your browser through a loopback bridge (127.0.0.1, token required)',
  options: { port: { type: 'string' }, sample: { type: 'boolean' } },
  async run({ core, args, values }) {
    if (values.sample) core.session = await openSampleCase(core.appDataDir, core.sampleDir, core.actor);
    else if (args[0]) core.session = CaseSession.openAny(resolve(args[0]), core.appDataDir);
    const bridge = await startBridge(core, rendererDir(), int(values.port, 'port') ?? 0);
    const line = values.json
      ? JSON.stringify({ url: bridge.url, port: bridge.port, token: bridge.token })
      : `Custodian is at ${bridge.url}\n(loopback only; press Ctrl+C to stop)`;
    process.stdout.write(`${line}\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        void bridge.close().then(() => {
          core.session?.close();
          done();
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return undefined;
  },
};
