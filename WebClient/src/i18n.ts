// English and Persian strings; Persian switches the document to right-to-left.

const en = {
  appName: 'Orleans Poker',
  lobby: 'Lobby', hands: 'Hands', profile: 'Profile', admin: 'Admin',
  signIn: 'Play as guest', yourName: 'Your name', signingIn: 'Signing in…',
  variant: 'Game', stakes: 'Stakes', seats: 'Seats', waitlist: 'Waitlist', type: 'Type', all: 'All',
  join: 'Join', queue: 'Queue', open: 'Open', watch: 'Watch',
  createPrivate: 'Create a table', privateTable: 'Private (invite link only)', template: 'Template', create: 'Create', invite: 'Invite link', copy: 'Copy',
  joinByInvite: 'Join by invite', buyIn: 'Buy-in',
  fold: 'Fold', check: 'Check', call: 'Call', bet: 'Bet', raiseTo: 'Raise to', bringIn: 'Bring in', allIn: 'All-in',
  min: 'Min', half: '½ Pot', pot: 'Pot', discard: 'Discard', standPat: 'Stand pat',
  sitOut: 'Sit out', sitIn: 'Sit in', leave: 'Leave', topUp: 'Top up', sit: 'Sit here', emptySeat: 'Empty',
  waitlistPosition: 'Waitlist position', leaveWaitlist: 'Leave waitlist', joinWaitlist: 'Join waitlist',
  reserved: 'Reserved', heldForYou: 'Held for you — sit', seatHeld: 'A seat is held for you until', queued: 'You are #',
  upCard: 'Up card: everyone sees it', downCard: 'Down card: only you see it', balanceNow: 'New balance',
  connected: 'Connected', reconnecting: 'Reconnecting…', disconnected: 'Disconnected',
  wins: 'wins', hand: 'Hand', board: 'Board', pots: 'Pot', sittingOut: 'sitting out', dealer: 'D',
  waitingForPlayers: 'Waiting for players', yourTurn: 'Your turn',
  myHands: 'My recent hands', replay: 'Replay', download: 'Download PHH', noHands: 'No hands yet',
  first: 'Start', prevStreet: '« Street', prev: '‹', next: '›', nextStreet: 'Street »', last: 'End',
  balance: 'Balance', stats: 'Statistics', ledger: 'Ledger', language: 'Language', claimTopUp: 'Claim daily top-up', signOut: 'Sign out',
  handsPlayed: 'Hands played', handsWon: 'Hands won', net: 'Net', vpip: 'VPIP', showdowns: 'Showdowns', biggestPot: 'Biggest pot',
  templates: 'Templates', tables: 'Tables', audit: 'Audit log', analytics: 'Analytics', adjust: 'Adjust balance',
  close: 'Close', pause: 'Pause', resume: 'Resume', kick: 'Kick', deactivate: 'Deactivate', activate: 'Activate',
  editAsNew: 'Save as new version', playerId: 'Player id', amount: 'Amount', reason: 'Reason', apply: 'Apply',
  analyticsSoon: 'Snapshots, hourly charts and insights appear here once analytics is enabled.',
  status: 'Status', players: 'Players', id: 'Id', version: 'Version', active: 'Active', actions: 'Actions',
  time: 'Time', target: 'Target', details: 'Details',
};

export type Strings = typeof en;

const fa: Strings = {
  appName: 'پوکر اورلئانز',
  lobby: 'لابی', hands: 'دست‌ها', profile: 'پروفایل', admin: 'مدیریت',
  signIn: 'ورود به عنوان مهمان', yourName: 'نام شما', signingIn: 'در حال ورود…',
  variant: 'بازی', stakes: 'ورودی', seats: 'صندلی‌ها', waitlist: 'صف انتظار', type: 'نوع', all: 'همه',
  join: 'پیوستن', queue: 'صف', open: 'باز کردن', watch: 'تماشا',
  createPrivate: 'ساخت میز', privateTable: 'خصوصی (فقط با لینک دعوت)', template: 'قالب', create: 'ساختن', invite: 'لینک دعوت', copy: 'کپی',
  joinByInvite: 'پیوستن با دعوت', buyIn: 'خرید ژتون',
  fold: 'فولد', check: 'چک', call: 'کال', bet: 'بت', raiseTo: 'رِیز تا', bringIn: 'برینگ‌این', allIn: 'آل‌این',
  min: 'حداقل', half: 'نصف پات', pot: 'پات', discard: 'تعویض', standPat: 'بدون تعویض',
  sitOut: 'استراحت', sitIn: 'بازگشت', leave: 'ترک میز', topUp: 'افزایش ژتون', sit: 'نشستن', emptySeat: 'خالی',
  waitlistPosition: 'جایگاه در صف', leaveWaitlist: 'خروج از صف', joinWaitlist: 'ورود به صف',
  reserved: 'رزرو شده', heldForYou: 'برای شما نگه داشته شده — بنشینید', seatHeld: 'یک صندلی برای شما نگه داشته شده تا', queued: 'نفر #',
  upCard: 'کارت رو: همه می‌بینند', downCard: 'کارت زیر: فقط شما می‌بینید', balanceNow: 'موجودی جدید',
  connected: 'متصل', reconnecting: 'در حال اتصال دوباره…', disconnected: 'قطع',
  wins: 'برد', hand: 'دست', board: 'میز', pots: 'پات', sittingOut: 'در استراحت', dealer: 'D',
  waitingForPlayers: 'در انتظار بازیکنان', yourTurn: 'نوبت شما',
  myHands: 'دست‌های اخیر من', replay: 'بازپخش', download: 'دانلود PHH', noHands: 'هنوز دستی نیست',
  first: 'شروع', prevStreet: '« مرحله', prev: '‹', next: '›', nextStreet: 'مرحله »', last: 'پایان',
  balance: 'موجودی', stats: 'آمار', ledger: 'دفتر حساب', language: 'زبان', claimTopUp: 'دریافت ژتون روزانه', signOut: 'خروج',
  handsPlayed: 'دست‌های بازی‌شده', handsWon: 'دست‌های برده', net: 'خالص', vpip: 'VPIP', showdowns: 'شودان‌ها', biggestPot: 'بزرگ‌ترین پات',
  templates: 'قالب‌ها', tables: 'میزها', audit: 'گزارش ممیزی', analytics: 'تحلیل', adjust: 'تنظیم موجودی',
  close: 'بستن', pause: 'توقف', resume: 'ادامه', kick: 'اخراج', deactivate: 'غیرفعال', activate: 'فعال',
  editAsNew: 'ذخیره نسخه جدید', playerId: 'شناسه بازیکن', amount: 'مقدار', reason: 'دلیل', apply: 'اعمال',
  analyticsSoon: 'عکس‌های لحظه‌ای، نمودارهای ساعتی و بینش‌ها پس از فعال شدن تحلیل اینجا نمایش داده می‌شوند.',
  status: 'وضعیت', players: 'بازیکنان', id: 'شناسه', version: 'نسخه', active: 'فعال', actions: 'کارها',
  time: 'زمان', target: 'هدف', details: 'جزئیات',
};

let current: 'en' | 'fa' = 'en';

/** The strings of the current language. */
export function t(): Strings {
  return current === 'fa' ? fa : en;
}

export function language(): 'en' | 'fa' {
  return current;
}

/** Switches the language and the document direction (rtl for Persian). */
export function setLanguage(lang: string): void {
  current = lang === 'fa' ? 'fa' : 'en';
  localStorage.setItem('poker.lang', current);
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'fa' ? 'rtl' : 'ltr';
}

/** The language remembered on this device, if any. */
export function savedLanguage(): string | null {
  return localStorage.getItem('poker.lang');
}
