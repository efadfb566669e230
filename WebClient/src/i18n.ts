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
  anyTable: 'Any table of a game', joinAnyTable: 'Join any table', seatHeldAt: 'A seat is held for you at', takeSeat: 'Take it',
  upCard: 'Up card: everyone sees it', downCard: 'Down card: only you see it', balanceNow: 'New balance',
  connected: 'Connected', reconnecting: 'Reconnecting…', disconnected: 'Disconnected',
  wins: 'wins', hand: 'Hand', board: 'Board', pots: 'Pot', sittingOut: 'sitting out', timeBank: 'Time bank', dealer: 'D',
  host: 'Host', closeTable: 'Close table', bigBlind: 'Big blind', turnSeconds: 'Turn time (s)',
  applyNextHand: 'Apply from next hand', nextHand: 'Next hand', closeConfirm: 'Close the table? Everyone is cashed out.', hostLimits: 'Limits',
  maintenance: 'Maintenance: no new hands start until it is over (hands in play finish).',
  maintenanceOn: 'Start maintenance (no new hands)', maintenanceOff: 'End maintenance',
  waitingForPlayers: 'Waiting for players', yourTurn: 'Your turn',
  chat: 'Chat', chatPlaceholder: 'Say something (200 characters at most)', chatSend: 'Send', chatSeatedOnly: 'Take a seat to chat',
  chatDeleted: 'message deleted', chatMute: 'Mute', chatReport: 'Report', chatReported: 'Reported to the admins',
  chatMuted: 'Muted: you no longer see their messages', chatShowMuted: 'Show muted players ({n})', chatEmpty: 'No messages yet', chatMenu: 'More',
  checkFold: 'Check/Fold', callAny: 'Call any', preActions: 'Before your turn',
  myHands: 'My recent hands', replay: 'Replay', download: 'Download PHH', noHands: 'No hands yet',
  first: 'Start', prevStreet: '« Street', prev: '‹', next: '›', nextStreet: 'Street »', last: 'End',
  balance: 'Balance', stats: 'Statistics', ledger: 'Ledger', language: 'Language', claimTopUp: 'Claim daily top-up', signOut: 'Sign out',
  turnPings: 'Bot message when it is my turn at a table I do not have open',
  handsPlayed: 'Hands played', handsWon: 'Hands won', net: 'Net', vpip: 'VPIP', showdowns: 'Showdowns', biggestPot: 'Biggest pot',
  templates: 'Templates', tables: 'Tables', audit: 'Audit log', analytics: 'Analytics', adjust: 'Adjust balance',
  close: 'Close', pause: 'Pause', resume: 'Resume', kick: 'Kick', deactivate: 'Deactivate', activate: 'Activate',
  editAsNew: 'Save as new version', playerId: 'Player id', amount: 'Amount', reason: 'Reason', apply: 'Apply',
  analyticsNone: 'No analytics data in this range: no table was recorded and no hand was counted. Play a few hands, or press "Recompute" for hands already played.',
  range24h: 'Last 24 h', range7d: 'Last 7 days', range30d: 'Last 30 days',
  analyticsUtc: 'Hours and days are UTC. Snapshots of the open tables every few minutes; hourly statistics from the stored hands, computed when an hour ends.',
  chartPlayers: 'Players seated and open tables', seriesPlayers: 'players seated', seriesTables: 'open tables',
  chartHandsRake: 'Hands and rake per hour', seriesHands: 'hands', seriesRake: 'rake (right axis)',
  chartVariants: 'Hands per day by game', topTables: 'Top tables (most hands)', rake: 'Rake', peakPlayers: 'Peak players', table: 'Table',
  noSnapshots: 'No snapshots in this range yet: the room records its open tables every few minutes, the first about a minute after a silo starts.',
  noHourly: 'No hands in the hourly statistics of this range. An hour is counted when it ends; "Recompute" counts the hours so far.',
  noTopTables: 'No table played a hand in this range.',
  chartWaits: 'Waitlist waits until seated (seconds)', seriesAverageWait: 'average', seriesMedianWait: 'median', seriesP90Wait: '90th percentile',
  room: 'Whole room', noWaits: 'Nobody was seated from a waitlist in this range.',
  waitsCsvHeader: 'Table,Joins,Seated,Left the queue,Offer expired,Still waiting,Average wait (s),Median wait (s),90th percentile wait (s),Seats taken,Average time seated (s)',
  recompute: 'Recompute', recomputeHint: 'Recomputes the hourly statistics of this range from the stored hands (whole hours, up to now, at most 31 days).',
  recomputed: 'Recomputed {rows} hourly rows from {from} to {to} (UTC).', recomputeCapped: 'The range was cut to end now and to span at most 31 days.',
  csv: 'CSV', csvTitle: 'Download this chart\'s data as CSV',
  ledgerCsv: 'Ledger CSV', ledgerCsvTitle: 'Download every ledger entry of this range (all players and the house) as CSV',
  adminId: 'Admin id', action: 'Action', filter: 'Filter', newer: '‹ Newer', older: 'Older ›', page: 'Page', noAudit: 'No audit entries match.',
  insights: 'Insights', severity: 'Severity', severityInfo: 'Info', severityWarning: 'Warning', severityCritical: 'Critical',
  insightsHint: 'Conditions the room checks every minute (traffic against the same hour last week, idle tables, long waitlists, storage failures, turn timeout surges, unusual win rates and chips flowing one way between two accounts), stored once while they hold. Warnings and critical ones also go to the admins\' Telegram chat.',
  openOnly: 'Open only', acknowledge: 'Acknowledge', acknowledged: 'Acknowledged', resolved: 'resolved', stillOpen: 'still holds',
  noInsights: 'No insights match.',
  operations: 'Operations', refresh: 'Refresh', process: 'Process', uptime: 'Uptime', lastSeen: 'Last seen', ago: 'ago',
  noOperationsData: 'No operations data yet: every silo, gateway and bot sends a sample every few seconds once it runs.',
  operationsWindow: 'The last hour, one sample per process every few seconds, kept in memory: a restart of the silo holding it starts a new hour.',
  chartConnections: 'Connections', chartActions: 'Actions per second', chartLatency: 'Latency (ms)', chartErrors: 'Errors per second', chartUpdates: 'Telegram updates per second',
  noChartData: 'No data for this chart in the last hour.',
  actionP50: 'action p50', actionP99: 'action p99', deliveryP50: 'delivery p50', deliveryP99: 'delivery p99', updatesOk: 'handled', updatesFailed: 'failed',
  openDashboard: 'Open the Orleans dashboard', copyDashboard: 'Copy the dashboard link',
  dashboardCopied: 'Copied: paste it after the address of your SSH tunnel to a gateway. It signs you in until your access token expires.',
  dashboardNote: 'The public proxy does not serve the dashboard: open this page on the gateway\'s own port (an SSH tunnel). The link signs you in for as long as your access token lasts.',
  status: 'Status', players: 'Players', id: 'Id', version: 'Version', active: 'Active', actions: 'Actions',
  time: 'Time', target: 'Target', details: 'Details',
  myStats: 'My stats', leaderboards: 'Leaderboards',
  statsNoHands: 'No hands yet: play a hand and your results show here.',
  profitChart: 'Profit over hands played', profitSeries: 'chips won (all hands)', handsAxis: 'hands',
  sessions: 'Sessions', started: 'Started', ended: 'Ended', biggestPots: 'Biggest pots won', won: 'Won', perVariant: 'By game',
  statsHint: 'From every stored hand: net is your stack after a hand minus before it (rake included). A session is play at one table with no gap over 30 minutes.',
  periodDay: 'Today', periodWeek: 'This week', periodAll: 'All time', byProfit: 'By profit', byHands: 'By hands',
  rank: 'Rank', player: 'Player', you: 'you', rankedOf: 'You are #{rank} of {ranked}.', notRanked: 'You have not played a hand in this period.',
  boardEmpty: 'Nobody has played a hand in this period yet.', boardUtc: 'Today and this week start at 00:00 UTC (the week on Monday). Robots are not ranked.',
  activity: '{hands} hands in the last hour · average pot {pot} · last {ago}', activityQuiet: 'No hands in the last hour', justNow: 'just now', minutesAgo: '{n} min ago',
  searchPlayers: 'Name, @username or Telegram id', search: 'Search', noPlayers: 'No player matches.', transactions: 'Transactions',
  banned: 'Banned', notBanned: 'Not banned', ban: 'Ban', unban: 'Lift ban', adminAccount: 'Admin: cannot be banned', bannedBy: 'since {at} by {admin}: {reason}',
  kind: 'Kind', allKinds: 'All kinds', from: 'From', to: 'To', pageOf: 'Page {page}',
  broadcast: 'Broadcast', broadcastHint: 'Plain text (no markup) to every player who started the bot, sent by the bot within Telegram\'s limits. A restart resumes where it stopped; at most the page in flight is sent twice.',
  broadcastPlaceholder: 'Message (2000 characters at most)', broadcastSend: 'Send to everyone', broadcastConfirm: 'Send this message to every player who started the bot?',
  broadcastNone: 'No broadcast yet.', broadcastProgress: '{status} · sent {sent} · skipped {skipped} (unreachable) · failed {failed}',
  broadcastTimes: 'Started {started} by {by} · updated {updated}', cancel: 'Cancel',
  broadcastRunning: 'running', broadcastPaused: 'paused', broadcastDone: 'done', broadcastCancelled: 'cancelled',
  chatReports: 'Reported messages', chatNoReports: 'No reported messages.', chatMutes: 'Muted in every table', chatNoMutes: 'Nobody is muted.',
  reportedBy: 'reported by {reporter}', deleteMessage: 'Delete message', unmute: 'Unmute', mutedTag: 'muted',
  errorStale: 'The table has moved on: look again and act on the turn in play.', errorAmount: 'That amount is not allowed now.',
  errorNotAllowed: 'That is not allowed now.', errorBalance: 'Not enough chips for that.',
  errorUnavailable: 'The game servers are busy or out of reach; try again shortly.', errorGeneric: 'That did not work; try again.',
  seconds: 's', errorNotConnected: 'Not connected — reconnecting…', errorWholeNumber: 'Enter a whole number above 0.',
  ante: 'ante', kindGrant: 'Grant', kindBuyIn: 'Buy-in', kindCashOut: 'Cash-out', kindAdminAdjustment: 'Admin adjustment',
  kindTopUp: 'Daily top-up', kindPrize: 'Prize', kindRake: 'Rake', noteStartingBalance: 'starting balance', noteDailyTopUp: 'daily top-up',
  dealerBoard: 'Dealer', dealt: 'Dealt', shows: 'Shows', mucks: 'Mucks',
  leftTable: 'You left the table: {amount} chips back to your balance.', leaveAfterHand: 'You leave the table after this hand.',
  leftSitAndGo: 'You are sitting out: your stack stays in the tournament.',
  kickedNow: '{name} was removed from the table.', kickedAfterHand: '{name} will be removed when this hand ends.',
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
  anyTable: 'هر میزِ یک بازی', joinAnyTable: 'پیوستن به هر میز', seatHeldAt: 'یک صندلی برای شما نگه داشته شده در', takeSeat: 'بنشینید',
  upCard: 'کارت رو: همه می‌بینند', downCard: 'کارت زیر: فقط شما می‌بینید', balanceNow: 'موجودی جدید',
  connected: 'متصل', reconnecting: 'در حال اتصال دوباره…', disconnected: 'قطع',
  wins: 'برد', hand: 'دست', board: 'میز', pots: 'پات', sittingOut: 'در استراحت', timeBank: 'زمان ذخیره', dealer: 'D',
  host: 'میزبان', closeTable: 'بستن میز', bigBlind: 'بلایند بزرگ', turnSeconds: 'زمان نوبت (ثانیه)',
  applyNextHand: 'اعمال از دست بعد', nextHand: 'دست بعد', closeConfirm: 'میز بسته شود؟ ژتون همه برگردانده می‌شود.', hostLimits: 'محدوده',
  maintenance: 'نگهداری: تا پایان آن دست تازه‌ای آغاز نمی‌شود (دست‌های در جریان تمام می‌شوند).',
  maintenanceOn: 'آغاز نگهداری (بدون دست تازه)', maintenanceOff: 'پایان نگهداری',
  waitingForPlayers: 'در انتظار بازیکنان', yourTurn: 'نوبت شما',
  chat: 'گفتگو', chatPlaceholder: 'چیزی بنویسید (حداکثر ۲۰۰ نویسه)', chatSend: 'ارسال', chatSeatedOnly: 'برای گفتگو پشت میز بنشینید',
  chatDeleted: 'پیام حذف شد', chatMute: 'بی‌صدا', chatReport: 'گزارش', chatReported: 'به مدیران گزارش شد',
  chatMuted: 'بی‌صدا شد: دیگر پیام‌هایش را نمی‌بینید', chatShowMuted: 'نمایش بازیکنان بی‌صدا ({n})', chatEmpty: 'هنوز پیامی نیست', chatMenu: 'بیشتر',
  checkFold: 'چک/فولد', callAny: 'کال هر مقدار', preActions: 'پیش از نوبت شما',
  myHands: 'دست‌های اخیر من', replay: 'بازپخش', download: 'دانلود PHH', noHands: 'هنوز دستی نیست',
  first: 'شروع', prevStreet: '« مرحله', prev: '‹', next: '›', nextStreet: 'مرحله »', last: 'پایان',
  balance: 'موجودی', stats: 'آمار', ledger: 'دفتر حساب', language: 'زبان', claimTopUp: 'دریافت ژتون روزانه', signOut: 'خروج',
  turnPings: 'پیام ربات وقتی در میزی که باز نکرده‌ام نوبت من است',
  handsPlayed: 'دست‌های بازی‌شده', handsWon: 'دست‌های برده', net: 'خالص', vpip: 'VPIP', showdowns: 'شودان‌ها', biggestPot: 'بزرگ‌ترین پات',
  templates: 'قالب‌ها', tables: 'میزها', audit: 'گزارش ممیزی', analytics: 'تحلیل', adjust: 'تنظیم موجودی',
  close: 'بستن', pause: 'توقف', resume: 'ادامه', kick: 'اخراج', deactivate: 'غیرفعال', activate: 'فعال',
  editAsNew: 'ذخیره نسخه جدید', playerId: 'شناسه بازیکن', amount: 'مقدار', reason: 'دلیل', apply: 'اعمال',
  analyticsNone: 'در این بازه داده تحلیلی نیست: هیچ میزی ثبت نشده و هیچ دستی شمرده نشده است. چند دست بازی کنید یا برای دست‌های بازی‌شده «محاسبه دوباره» را بزنید.',
  range24h: '۲۴ ساعت اخیر', range7d: '۷ روز اخیر', range30d: '۳۰ روز اخیر',
  analyticsUtc: 'ساعت‌ها و روزها به وقت UTC هستند. از میزهای باز هر چند دقیقه یک تصویر ثبت می‌شود؛ آمار ساعتی از دست‌های ذخیره‌شده و در پایان هر ساعت محاسبه می‌شود.',
  chartPlayers: 'بازیکنان نشسته و میزهای باز', seriesPlayers: 'بازیکنان نشسته', seriesTables: 'میزهای باز',
  chartHandsRake: 'دست‌ها و کمیسیون در هر ساعت', seriesHands: 'دست‌ها', seriesRake: 'کمیسیون (محور راست)',
  chartVariants: 'دست‌ها در هر روز به تفکیک بازی', topTables: 'میزهای برتر (بیشترین دست)', rake: 'کمیسیون', peakPlayers: 'بیشترین بازیکن', table: 'میز',
  noSnapshots: 'هنوز در این بازه تصویری ثبت نشده است: سالن هر چند دقیقه میزهای باز را ثبت می‌کند، نخستین بار حدود یک دقیقه پس از راه‌اندازی سیلو.',
  noHourly: 'در آمار ساعتی این بازه دستی نیست. هر ساعت در پایانش شمرده می‌شود؛ «محاسبه دوباره» ساعت‌های تا کنون را می‌شمارد.',
  noTopTables: 'در این بازه هیچ میزی دستی بازی نکرده است.',
  chartWaits: 'انتظار در صف تا نشستن (ثانیه)', seriesAverageWait: 'میانگین', seriesMedianWait: 'میانه', seriesP90Wait: 'صدک ۹۰',
  room: 'کل سالن', noWaits: 'در این بازه کسی از صف انتظار پشت میز ننشست.',
  waitsCsvHeader: 'میز,ورود به صف,نشست,خروج از صف,پایان مهلت پیشنهاد,هنوز در صف,میانگین انتظار (ثانیه),میانه انتظار (ثانیه),صدک ۹۰ انتظار (ثانیه),صندلی‌های گرفته‌شده,میانگین زمان نشستن (ثانیه)',
  recompute: 'محاسبه دوباره', recomputeHint: 'آمار ساعتی این بازه را از دست‌های ذخیره‌شده دوباره محاسبه می‌کند (ساعت‌های کامل، تا اکنون، حداکثر ۳۱ روز).',
  recomputed: '{rows} ردیف ساعتی از {from} تا {to} (UTC) دوباره محاسبه شد.', recomputeCapped: 'بازه طوری کوتاه شد که تا اکنون باشد و حداکثر ۳۱ روز.',
  csv: 'CSV', csvTitle: 'دانلود داده‌های این نمودار به صورت CSV',
  ledgerCsv: 'CSV دفتر حساب', ledgerCsvTitle: 'دانلود همه‌ی ثبت‌های دفتر حساب این بازه (همه‌ی بازیکنان و صندوق) به صورت CSV',
  adminId: 'شناسه مدیر', action: 'کار', filter: 'فیلتر', newer: 'جدیدتر', older: 'قدیمی‌تر', page: 'صفحه', noAudit: 'هیچ رکورد ممیزی مطابق نیست.',
  insights: 'بینش‌ها', severity: 'شدت', severityInfo: 'اطلاع', severityWarning: 'هشدار', severityCritical: 'بحرانی',
  insightsHint: 'شرایطی که اتاق هر دقیقه بررسی می‌کند (ترافیک در برابر همان ساعت هفته پیش، میزهای بیکار، صف‌های انتظار طولانی، خطاهای ذخیره‌سازی، موج وقت‌گذشتگی نوبت‌ها، نرخ برد غیرعادی و جریان یک‌طرفه‌ی ژتون میان دو حساب)؛ هر کدام تا زمانی که برقرار است یک بار ذخیره می‌شود. هشدارها و موارد بحرانی به گفتگوی تلگرام مدیران هم فرستاده می‌شوند.',
  openOnly: 'فقط باز', acknowledge: 'تأیید دیدن', acknowledged: 'دیده شد', resolved: 'برطرف شد', stillOpen: 'هنوز برقرار است',
  noInsights: 'هیچ بینشی مطابق نیست.',
  operations: 'عملیات', refresh: 'تازه‌سازی', process: 'فرایند', uptime: 'مدت کار', lastSeen: 'آخرین گزارش', ago: 'پیش',
  noOperationsData: 'هنوز داده عملیاتی نیست: هر سیلو، درگاه و ربات پس از اجرا هر چند ثانیه یک نمونه می‌فرستد.',
  operationsWindow: 'یک ساعت اخیر، هر چند ثانیه یک نمونه از هر فرایند، در حافظه: راه‌اندازی دوباره سیلوی نگه‌دارنده آن یک ساعت تازه را آغاز می‌کند.',
  chartConnections: 'اتصال‌ها', chartActions: 'حرکت در ثانیه', chartLatency: 'تأخیر (میلی‌ثانیه)', chartErrors: 'خطا در ثانیه', chartUpdates: 'به‌روزرسانی‌های تلگرام در ثانیه',
  noChartData: 'در یک ساعت اخیر داده‌ای برای این نمودار نیست.',
  actionP50: 'حرکت p50', actionP99: 'حرکت p99', deliveryP50: 'تحویل p50', deliveryP99: 'تحویل p99', updatesOk: 'انجام‌شده', updatesFailed: 'ناموفق',
  openDashboard: 'باز کردن داشبورد Orleans', copyDashboard: 'کپی پیوند داشبورد',
  dashboardCopied: 'کپی شد: آن را پس از نشانی تونل SSH خود به درگاه بچسبانید. تا پایان اعتبار توکن دسترسی شما را وارد می‌کند.',
  dashboardNote: 'پراکسی عمومی داشبورد را ارائه نمی‌دهد: این صفحه را روی درگاه خود سرور (با تونل SSH) باز کنید. پیوند تا زمانی که توکن دسترسی شما معتبر است شما را وارد می‌کند.',
  status: 'وضعیت', players: 'بازیکنان', id: 'شناسه', version: 'نسخه', active: 'فعال', actions: 'کارها',
  time: 'زمان', target: 'هدف', details: 'جزئیات',
  myStats: 'آمار من', leaderboards: 'جدول برترین‌ها',
  statsNoHands: 'هنوز دستی بازی نکرده‌اید: یک دست بازی کنید تا نتیجه‌هایتان اینجا دیده شود.',
  profitChart: 'سود بر پایهٔ دست‌های بازی‌شده', profitSeries: 'ژتون بُرده (همهٔ دست‌ها)', handsAxis: 'دست‌ها',
  sessions: 'نشست‌ها', started: 'آغاز', ended: 'پایان', biggestPots: 'بزرگ‌ترین پات‌های برده', won: 'برده', perVariant: 'بر پایهٔ بازی',
  statsHint: 'از همهٔ دست‌های ذخیره‌شده: خالص یعنی پشتهٔ شما پس از دست منهای پیش از آن (با کمیسیون). یک نشست بازی پشت یک میز است بی فاصله‌ای بیش از ۳۰ دقیقه.',
  periodDay: 'امروز', periodWeek: 'این هفته', periodAll: 'همهٔ زمان‌ها', byProfit: 'بر پایهٔ سود', byHands: 'بر پایهٔ دست‌ها',
  rank: 'رتبه', player: 'بازیکن', you: 'شما', rankedOf: 'شما نفر {rank} از {ranked} هستید.', notRanked: 'در این بازه دستی بازی نکرده‌اید.',
  boardEmpty: 'هنوز کسی در این بازه دستی بازی نکرده است.', boardUtc: 'امروز و این هفته از ساعت ۰۰:۰۰ به وقت UTC آغاز می‌شوند (هفته از دوشنبه). ربات‌ها رتبه نمی‌گیرند.',
  activity: '{hands} دست در یک ساعت اخیر · میانگین پات {pot} · آخرین {ago}', activityQuiet: 'در یک ساعت اخیر دستی بازی نشده', justNow: 'همین حالا', minutesAgo: '{n} دقیقه پیش',
  searchPlayers: 'نام، ‎@نام‌کاربری یا شناسهٔ تلگرام', search: 'جستجو', noPlayers: 'بازیکنی پیدا نشد.', transactions: 'تراکنش‌ها',
  banned: 'معلق', notBanned: 'معلق نیست', ban: 'تعلیق', unban: 'لغو تعلیق', adminAccount: 'مدیر: تعلیق‌شدنی نیست', bannedBy: 'از {at} به دست {admin}: {reason}',
  kind: 'نوع', allKinds: 'همهٔ انواع', from: 'از', to: 'تا', pageOf: 'صفحهٔ {page}',
  broadcast: 'پیام همگانی', broadcastHint: 'متن ساده (بدون قالب‌بندی) برای همهٔ بازیکنانی که ربات را آغاز کرده‌اند؛ ربات آن را در محدودیت‌های تلگرام می‌فرستد. پس از راه‌اندازی دوباره از همان‌جا ادامه می‌یابد؛ دست‌بالا صفحهٔ در حال ارسال دوباره فرستاده می‌شود.',
  broadcastPlaceholder: 'پیام (دست‌بالا ۲۰۰۰ نویسه)', broadcastSend: 'ارسال برای همه', broadcastConfirm: 'این پیام برای همهٔ بازیکنانی که ربات را آغاز کرده‌اند فرستاده شود؟',
  broadcastNone: 'هنوز پیام همگانی‌ای نیست.', broadcastProgress: '{status} · فرستاده {sent} · رد شده {skipped} (در دسترس نیست) · ناموفق {failed}',
  broadcastTimes: 'آغاز {started} به دست {by} · به‌روزرسانی {updated}', cancel: 'لغو',
  broadcastRunning: 'در حال ارسال', broadcastPaused: 'متوقف', broadcastDone: 'پایان‌یافته', broadcastCancelled: 'لغو شده',
  chatReports: 'پیام‌های گزارش‌شده', chatNoReports: 'پیام گزارش‌شده‌ای نیست.', chatMutes: 'بی‌صدا در همهٔ میزها', chatNoMutes: 'کسی بی‌صدا نیست.',
  reportedBy: 'گزارش از {reporter}', deleteMessage: 'حذف پیام', unmute: 'لغو بی‌صدا', mutedTag: 'بی‌صدا',
  errorStale: 'میز جلو رفته است: دوباره نگاه کنید و در نوبت کنونی بازی کنید.', errorAmount: 'این مقدار اکنون مجاز نیست.',
  errorNotAllowed: 'این کار اکنون مجاز نیست.', errorBalance: 'ژتون کافی برای این کار ندارید.',
  errorUnavailable: 'سرورهای بازی شلوغ‌اند یا در دسترس نیستند؛ کمی بعد دوباره تلاش کنید.', errorGeneric: 'انجام نشد؛ دوباره تلاش کنید.',
  seconds: 'ثانیه', errorNotConnected: 'اتصال برقرار نیست — در حال اتصال دوباره…', errorWholeNumber: 'یک عدد صحیح بزرگ‌تر از ۰ وارد کنید.',
  ante: 'آنته', kindGrant: 'اعطا', kindBuyIn: 'خرید ژتون', kindCashOut: 'برداشت از میز', kindAdminAdjustment: 'اصلاح مدیر',
  kindTopUp: 'ژتون روزانه', kindPrize: 'جایزه', kindRake: 'کمیسیون', noteStartingBalance: 'موجودی آغازین', noteDailyTopUp: 'ژتون روزانه',
  dealerBoard: 'دیلر', dealt: 'کارت گرفت', shows: 'نشان می‌دهد', mucks: 'کارت‌ها را نشان نمی‌دهد',
  leftTable: 'میز را ترک کردید: {amount} ژتون به موجودی شما برگشت.', leaveAfterHand: 'پس از پایان این دست میز را ترک می‌کنید.',
  leftSitAndGo: 'در استراحت هستید: ژتون‌هایتان در مسابقه می‌ماند.',
  kickedNow: '{name} از میز بیرون شد.', kickedAfterHand: '{name} پس از پایان این دست از میز بیرون می‌شود.',
};

let current: 'en' | 'fa' = 'en';

/** The strings of the current language. */
export function t(): Strings {
  return stringsOf(current);
}

export function stringsOf(lang: 'en' | 'fa'): Strings {
  return lang === 'fa' ? fa : en;
}

export function language(): 'en' | 'fa' {
  return current;
}

/** Switches the language and the document direction (rtl for Persian) for this visit; nothing is remembered. */
export function setLanguage(lang: string): void {
  current = lang === 'fa' ? 'fa' : 'en';
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'fa' ? 'rtl' : 'ltr';
}

/**
 * The player chose a language (the profile's menu): it is used, and remembered on this device. Only such a choice is:
 * else each visit follows the profile's (or Telegram's) language. A new key: the old one (poker.lang) was written on
 * every start, so an English saved there says nothing about a choice.
 */
export function chooseLanguage(lang: string): void {
  setLanguage(lang);
  localStorage.setItem(languageKey, current);
}

/** The language chosen on this device, if any. */
export function savedLanguage(): string | null {
  return localStorage.getItem(languageKey);
}

const languageKey = 'poker.language';

/**
 * The language to show: the one chosen on this device, else the profile's (the server's, after sign-in), else
 * Telegram's language_code, else English. Regional codes count ("fa-IR" is Persian); only English and Persian exist.
 */
export function pickLanguage(...candidates: (string | null | undefined)[]): 'en' | 'fa' {
  for (const candidate of candidates) {
    const lang = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (lang === 'fa' || lang === 'en') return lang;
  }
  return 'en';
}

/** A ledger entry's kind in the player's words (an unknown kind as the server names it). */
export function ledgerKindName(kind: string, s: Strings): string {
  const key = `kind${kind}` as keyof Strings;
  return key in s && typeof s[key] === 'string' ? s[key] : kind;
}

/** A ledger entry's note in the player's words: the notes the room writes itself are translated, an admin's are kept. */
export function ledgerNote(note: string, s: Strings): string {
  return note === 'starting balance' ? s.noteStartingBalance : note === 'daily top-up' ? s.noteDailyTopUp : note;
}
