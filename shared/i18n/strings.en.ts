/** English strings of the words every page shares (the app name, the launcher, bands, list separators). */
export const sharedEn = {
  appName: 'Account Lens',
  'launcher.label': 'Account Lens: {name}',
  'launcher.resize': 'Resize the Account Lens panel',
  'band.green': 'green',
  'band.yellow': 'yellow',
  'band.red': 'red',
  'page.shows': 'This page shows',
  'list.sep': ', ',
  'common.writtenBy': 'written by {who}',
  'unsaved.title': 'Unsaved changes',
  'unsaved.lead': 'Not saved yet:',
  'unsaved.saveAll': 'Save all',
  'unsaved.saving': 'Saving…',
  'unsaved.stillOpen': 'Some changes could not be saved; see the message in their section.',
} as const;
