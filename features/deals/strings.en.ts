/** English strings of the deal view: a deal (opportunity) page's panel. */
export const dealsEn = {
  'deal.title': 'Deal',
  'deal.amount': 'Amount',
  'deal.amountUnknown': 'No amount on the page',
  'deal.currencyUnknown': 'currency not shown',
  'deal.account': 'Account',
  'deal.accountInData': 'In your data',
  'deal.noLink': 'This deal page links to no account record, so Account Lens cannot tell which account it is for. Open the account from the deal’s Account field to see it.',
  'deal.notInData': '{name} is not in your data yet. Open the account’s page to add it; then Mark signed is offered here.',
  'deal.unknownAccount': 'The linked account',
  'deal.unreadable': 'This deal page could not be read. Reload the page and open the panel again.',
  'deal.signed.mark': 'Mark signed',
  'deal.signed.hint': 'Sets the signing date to today: the no-pitch window, onboarding and the expectations reset start from it.',
  'deal.signed.on': 'Signed on {date}',
  'deal.signed.serverOwned': 'This account comes from the team server, which keeps its signing date: record the signing there.',
  'deal.signed.undo': 'Undo',
} as const;
