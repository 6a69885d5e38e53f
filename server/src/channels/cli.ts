import { readFileSync } from 'node:fs';
import { CHANNEL_KINDS, ChannelNameSchema, type ChannelKind } from '../../../features/channels/schemas';
import { AUTOMATION_USAGE, automationCli } from '../automation/cli';
import type { Sql } from '../db';
import { ChannelConfigSchema, listChannels, removeChannel, setChannel } from './store';

export const CHANNELS_USAGE = `Delivery channels (docs/channels.md):
  npm run server -- channels set --team T --kind email [--name N] --host H --port 465|587 [--secure] [--user U --password-file F] --from "Name <a@b.c>"
  npm run server -- channels set --team T --kind wecom|dingtalk|feishu [--name N] --url-file F [--secret-file F]
                   a channel the team's deliveries go out by (the name defaults to the kind); secrets are read from files
  npm run server -- channels remove --team T --name N
  npm run server -- channels list --team T                  the team's channels, without their secrets
${AUTOMATION_USAGE}`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A secret from a file (never the command line, which the shell's history keeps), trimmed. */
function readSecret(file: string, what: string, out: (s: string) => void): string | null {
  try {
    const value = readFileSync(file, 'utf8').trim();
    if (value) return value;
    out(`${file}: empty; give the ${what} in it. Nothing changed.`);
  } catch {
    out(`${file}: cannot be read; nothing changed.`);
  }
  return null;
}

/** The `channels` commands: the exit code, 2 for a usage error, or null when `argv` is none of them. */
export async function channelsCli(sql: Sql, argv: string[], out: (s: string) => void): Promise<number | null> {
  const [cmd, verb] = argv;
  if (cmd === 'automation') return automationCli(sql, argv, out, new Date());
  if (cmd !== 'channels') return null;
  const team = flag(argv, 'team');
  if (!team) return out(CHANNELS_USAGE), 2;
  if (verb === 'list') {
    const channels = await listChannels(sql, team);
    if (!channels.length) out(`Team ${team} has no channels.`);
    for (const ch of channels) out(`${ch.name}\t${ch.kind}\t${ch.summary}\tset ${ch.updatedAt}`);
    return 0;
  }
  if (verb === 'remove') {
    const name = flag(argv, 'name') ?? flag(argv, 'kind');
    if (!name) return out(CHANNELS_USAGE), 2;
    out((await removeChannel(sql, team, name)) ? `Channel ${name} of team ${team} removed; deliveries still queued on it will fail.` : `Team ${team} has no channel ${name}.`);
    return 0;
  }
  if (verb !== 'set') return out(CHANNELS_USAGE), 2;
  const kind = flag(argv, 'kind') as ChannelKind | undefined;
  if (!kind || !(CHANNEL_KINDS as readonly string[]).includes(kind)) return out(CHANNELS_USAGE), 2;
  const name = flag(argv, 'name') ?? kind;
  if (!ChannelNameSchema.safeParse(name).success) {
    out(`--name ${name}: a channel name is 1 to 40 lower-case letters, digits, - or _; nothing changed.`);
    return 2;
  }
  let raw: Record<string, unknown>;
  if (kind === 'email') {
    const passwordFile = flag(argv, 'password-file');
    const password = passwordFile ? readSecret(passwordFile, 'SMTP password', out) : undefined;
    if (password === null) return 1;
    const user = flag(argv, 'user');
    raw = {
      kind, host: flag(argv, 'host'), port: Number(flag(argv, 'port') ?? (argv.includes('--secure') ? 465 : 587)), secure: argv.includes('--secure'),
      from: flag(argv, 'from'), ...(user ? { user } : {}), ...(password ? { password } : {}),
    };
  } else {
    const urlFile = flag(argv, 'url-file');
    if (!urlFile) return out('give --url-file F: a file holding the robot\'s webhook URL (it carries the robot\'s key)'), 2;
    const url = readSecret(urlFile, 'webhook URL', out);
    if (url === null) return 1;
    const secretFile = flag(argv, 'secret-file');
    if (secretFile && kind === 'wecom') return out('a WeCom group robot has no signing secret: its key is in the URL'), 2;
    const secret = secretFile ? readSecret(secretFile, 'signing secret', out) : undefined;
    if (secret === null) return 1;
    raw = { kind, url, ...(secret ? { secret } : {}) };
  }
  const config = ChannelConfigSchema.safeParse(raw);
  if (!config.success) {
    // Names the fields, never their values: a URL or a password is not echoed back.
    out(`${config.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'channel'}: ${i.message}`).join('; ')}; nothing changed.`);
    return 1;
  }
  await setChannel(sql, team, name, config.data, new Date());
  const signed = 'secret' in config.data && config.data.secret;
  out(`Channel ${name} (${kind}) of team ${team} set${signed ? ', messages signed with the secret' : ''}. Deliveries name it "${name}".`);
  return 0;
}
