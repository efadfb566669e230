// Wire shapes of the gateway (camelCase JSON, enums as strings): Grains.Interfaces and Gateway/Contracts.

export type TableStatus = 'Waiting' | 'Active' | 'Paused' | 'Ended';
export type TableType = 'Persistent' | 'Expiring' | 'SitAndGo';
export type ActionKind = 'Fold' | 'Check' | 'Call' | 'BetOrRaise' | 'BringIn' | 'Discard';

/** GET/PUT /api/players/me/settings. */
export interface PlayerSettings {
  turnPings: boolean;
}

export interface PlayerProfile {
  playerId: number;
  telegramId?: number | null;
  displayName: string;
  username?: string | null;
  language: string;
  isGuest: boolean;
  isRobot: boolean;
}

export interface PlayerStats {
  handsPlayed: number;
  handsWon: number;
  net: number;
  voluntarilyPutIn: number;
  showdownsSeen: number;
  biggestPotWon: number;
}

export interface PlayerSummary {
  profile: PlayerProfile;
  balance: number;
  stats: PlayerStats;
  tables: string[];
}

export interface AuthResponse {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  player: PlayerSummary;
  isAdmin: boolean;
}

export interface TableSummary {
  tableId: string;
  name: string;
  variant: string;
  templateId: string;
  templateVersion: number;
  status: TableStatus;
  type: TableType;
  smallBlind: number;
  bigBlind: number;
  ante: number;
  /** Fixed-limit games: the bets of the early and the late streets (0 otherwise). */
  smallBet: number;
  bigBet: number;
  seatsTaken: number;
  maxPlayers: number;
  waitlistLength: number;
  isPrivate: boolean;
  expiresAt?: string | null;
  minBuyIn: number;
  maxBuyIn: number;
  handNo: number;
  /** Who opened the table (0: the room itself). */
  createdBy?: number;
  /** A free seat held for a waitlisted player (0 or 1). */
  seatsHeld?: number;
}

/**
 * The player and a template's waitlist for any of its tables: their position while queued, else the table to sit at —
 * with heldUntil when a seat there is held for them, without it when a seat was free as they asked.
 */
export interface TemplateWaitlistStatus {
  templateId: string;
  position: number | null;
  tableId?: string | null;
  heldUntil?: string | null;
}

export interface SeatView {
  seat: number;
  playerId?: number | null;
  name?: string | null;
  stack: number;
  bet: number;
  inHand: boolean;
  folded: boolean;
  allIn: boolean;
  sittingOut: boolean;
  isRobot: boolean;
  cards: string[];
  lastAction?: string | null;
  heldFor?: number | null;
  heldUntil?: string | null;
  /** Whole seconds left in the seat's time bank. */
  timeBankSeconds?: number;
}

export interface PotView {
  amount: number;
  seats: number[];
}

export interface PotAward {
  seat: number;
  playerId?: number | null;
  amount: number;
  hand?: string | null;
  cards: string[];
}

export interface HandResult {
  handNo: number;
  awards: PotAward[];
  board: string[];
  rake: number;
  handId: string;
}

export interface TableView {
  tableId: string;
  name: string;
  variant: string;
  status: TableStatus;
  handNo: number;
  buttonSeat?: number | null;
  seats: SeatView[];
  board: string[];
  pots: PotView[];
  actorSeat?: number | null;
  deadline?: string | null;
  /** The player to act is on their time bank: the deadline is the bank's end. */
  onTimeBank?: boolean;
  street: number;
  smallBlind: number;
  bigBlind: number;
  ante: number;
  maxPlayers: number;
  minBuyIn: number;
  maxBuyIn: number;
  expiresAt?: string | null;
  nextHandAt?: string | null;
  waitlistLength: number;
  templateId?: string | null;
  type: TableType;
  lastResult?: HandResult | null;
  /** The turn being played (0 when nobody is to act); an action names it with handNo. */
  turnId: number;
  /** The player hosting the table (its creator); null at the room's own tables and sit-and-gos. */
  hostId?: number | null;
  /** The host's changed settings, applied when the next hand starts. */
  nextSettings?: TableSettings | null;
  /** The room is under maintenance: no new hand starts until it is over. */
  maintenance?: boolean;
}

/** Blinds and turn time (a TimeSpan, "hh:mm:ss"). */
export interface TableSettings {
  smallBlind: number;
  bigBlind: number;
  turnTime: string;
}

/** GET /api/tables/{id}/host: the settings in play, the next hand's, and the limits of a change. */
export interface HostSettings {
  current: TableSettings;
  next?: TableSettings | null;
  blindsChangeable: boolean;
  minBigBlind: number;
  maxBigBlind: number;
  minTurnTime: string;
  maxTurnTime: string;
}

/** GET /api/maintenance. */
export interface MaintenanceStatus {
  on: boolean;
  since?: string | null;
  message?: string | null;
}

export interface LegalActions {
  canFold: boolean;
  canCheck: boolean;
  callAmount?: number | null;
  canBetOrRaise: boolean;
  minRaiseTo: number;
  maxRaiseTo: number;
  bringIn?: number | null;
  discardMin?: number | null;
  discardMax?: number | null;
}

/** An action chosen before one's turn for the street in play (the amount: what a Call was chosen to call). */
export type PreActionKind = 'CheckFold' | 'Check' | 'Call' | 'CallAny';

export interface PreAction {
  kind: PreActionKind;
  amount: number;
}

export interface PrivateView {
  playerId: number;
  seat: number;
  cards: string[];
  legal?: LegalActions | null;
  /** The player's own pre-selected action, if any (nobody else's view carries it). */
  preAction?: PreAction | null;
}

export interface TableSnapshot {
  eventSeq: number;
  tableVersion: number;
  view: TableView;
  mine?: PrivateView | null;
}

export interface TableEventMessage {
  tableId: string;
  eventSeq: number;
  tableVersion: number;
  kind: string;
  description: string;
  view: TableView;
  result?: HandResult | null;
  mine?: PrivateView | null;
}

export interface YourTurnMessage {
  tableId: string;
  eventSeq: number;
  handNo: number;
  turnId: number;
  seat: number;
  legal: LegalActions;
  deadline?: string | null;
}

export interface ActResult {
  clientSeq: number;
  eventSeq: number;
  tableVersion: number;
}

export interface PageResponse<T> {
  items: T[];
  page: number;
  pageSize: number;
  total?: number | null;
}

export interface HandSummary {
  tableId: string;
  handNo: number;
  variant: string;
  startedAt: string;
  endedAt: string;
  playerIds: number[];
  pot: number;
  rake: number;
  phh?: string | null;
}

export interface LedgerEntry {
  transferId: string;
  playerId: number;
  kind: string;
  amount: number;
  balanceAfter: number;
  tableId?: string | null;
  note?: string | null;
  at: string;
}

export interface TemplateConfig {
  name: string;
  variant: string;
  smallBlind: number;
  bigBlind: number;
  ante: number;
  bringIn: number;
  smallBet: number;
  bigBet: number;
  minBuyIn: number;
  maxBuyIn: number;
  maxPlayers: number;
  type: TableType;
  isPrivate: boolean;
  robots: number;
  [key: string]: unknown;
}

export interface TemplateInfo {
  id: string;
  version: number;
  config: TemplateConfig;
  active: boolean;
  updatedAt: string;
  tablesInUse: number;
}

export type InsightSeverity = 'Info' | 'Warning' | 'Critical';

/** One stored insight (GET /api/admin/insights): open while its condition holds. */
export interface Insight {
  id: number;
  kind: string;
  severity: InsightSeverity;
  conditionKey: string;
  tableId?: string | null;
  playerId?: number | null;
  summary: string;
  details: Record<string, number>;
  createdAt: string;
  resolvedAt?: string | null;
  acknowledgedAt?: string | null;
  acknowledgedBy?: number | null;
  open: boolean;
}

export interface AuditEntry {
  at: string;
  adminId: number;
  action: string;
  target: string;
  details?: string | null;
}

export interface JoinedResponse {
  tableId: string;
  seat: number;
}

export interface TableCreatedResponse {
  table: TableSummary;
  invite?: string | null;
}

/** One process's identity in the operations figures. */
export interface OperationsProcess {
  kind: string;
  id: string;
  version: string;
  startedAt: string;
  roles: string[];
}

/** One reporting interval of one process: rates per second, latencies in seconds (null: nothing measured). */
export interface OperationsSample {
  at: string;
  intervalSeconds: number;
  connections: number;
  actionsPerSecond: number;
  errorsPerSecond: number;
  actionP50: number | null;
  actionP99: number | null;
  deliveryP50: number | null;
  deliveryP99: number | null;
  updatesPerSecond: number;
  updatesFailedPerSecond: number;
}

export interface ProcessSeries {
  process: OperationsProcess;
  lastSeen: string;
  samples: OperationsSample[];
}

/** GET /api/admin/operations. */
export interface OperationsResponse {
  at: string;
  windowSeconds: number;
  dashboardPath: string | null;
  processes: ProcessSeries[];
}

/** One table's clock hour (UTC) of `GET /api/admin/analytics/hourly`. */
export interface HourlyStats {
  tableId: string;
  hourStart: string;
  variant: string;
  hands: number;
  averagePlayers: number;
  peakPlayers: number;
  distinctPlayers: number;
  newPlayers: number;
  activeMinutes: number;
  totalPot: number;
  rake: number;
}

/** One open table at `takenAt` (`GET /api/admin/analytics/snapshots`). */
export interface AnalyticsSnapshot {
  tableId: string;
  takenAt: string;
  status: TableStatus;
  variant: string;
  seated: number;
  waitlist: number;
  hands: number;
  averagePot: number;
  largestPot: number;
  rake: number;
  /** People's turns the clock played since the previous snapshot. */
  timeouts: number;
}

/** How long people waited and sat at one table (`tableId`) or the whole room (null), for a range. */
export interface WaitStats {
  tableId: string | null;
  joins: number;
  seated: number;
  left: number;
  offerExpired: number;
  waiting: number;
  /** Seconds until seated (null without a seated wait). */
  averageWaitSeconds: number | null;
  medianWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  seatings: number;
  /** Seconds seated, of the seats already left (null when none has). */
  averageSeatSeconds: number | null;
}

/** `GET /api/admin/analytics/waits`: per table with waits or seats in the range, and the room. */
export interface WaitReport {
  from: string;
  to: string;
  tables: WaitStats[];
  room: WaitStats;
}

export interface RebuildResponse {
  rows: number;
}

/** A point of a player's profit curve (`GET /api/players/me/results`): after `hands` hands, `cumulative` chips won in all. */
export interface ProfitPoint {
  at: string;
  hands: number;
  cumulative: number;
}

/** Consecutive play at one table (hands at most 30 min apart); times are the ends of its first and last hands. */
export interface PlaySession {
  tableId: string;
  variant: string;
  startedAt: string;
  endedAt: string;
  hands: number;
  net: number;
}

export interface BigPot {
  tableId: string;
  handNumber: number;
  variant: string;
  endedAt: string;
  pot: number;
  net: number;
}

export interface VariantResult {
  variant: string;
  hands: number;
  handsWon: number;
  net: number;
}

/** A player's page (`GET /api/players/me/results`), from the stored hands. */
export interface PlayerResults {
  playerId: number;
  hands: number;
  handsWon: number;
  net: number;
  profit: ProfitPoint[];
  sessions: PlaySession[];
  biggestPots: BigPot[];
  variants: VariantResult[];
}

export type LeaderboardPeriod = 'Day' | 'Week' | 'All';
export type LeaderboardOrder = 'Profit' | 'Hands';

export interface LeaderboardEntry {
  rank: number;
  playerId: number;
  displayName: string | null;
  hands: number;
  net: number;
}

/** `GET /api/leaderboards?period=day|week|all&by=profit|hands`: the top players and the caller's own entry. */
export interface Leaderboard {
  period: LeaderboardPeriod;
  by: LeaderboardOrder;
  from: string | null;
  top: LeaderboardEntry[];
  ranked: number;
  own: LeaderboardEntry | null;
}

/** A listed table's last hour (`GET /api/lobby/activity`). */
export interface TableActivity {
  tableId: string;
  handsLastHour: number;
  averagePot: number;
  lastHandAt: string;
}

/** One line of a table's chat (`GET /api/tables/{id}/chat`): plain text, never markup; a deleted line has an empty text. */
export interface ChatMessage {
  id: number;
  playerId: number;
  displayName: string;
  text: string;
  emote: string | null;
  sentAt: string;
  deleted: boolean;
}

/** The table hub's `chat` message: a watched table's line, posted or deleted. */
export interface TableChatMessage {
  tableId: string;
  message: ChatMessage;
}

/** `GET /api/players/me/chat-mutes`: the players whose lines the caller hides. */
export interface ChatMutes {
  playerIds: number[];
}

/** Admin: a player's ban. */
export interface PlayerBan {
  at: string;
  adminId: number;
  reason: string;
}

/** Admin: a player's page head (GET /api/admin/players/{id}). */
export interface AdminPlayer extends PlayerSummary {
  ban: PlayerBan | null;
  isAdmin: boolean;
}

/** Admin: the room's current or last broadcast (`GET /api/admin/broadcast`; 204 when there never was one). */
export interface Broadcast {
  id: string;
  text: string;
  startedBy: number;
  startedAt: string;
  updatedAt: string;
  status: 'Running' | 'Paused' | 'Done' | 'Cancelled';
  cursor: number | null;
  sent: number;
  skipped: number;
  failed: number;
  changedBy: number | null;
}

/** Admin: a reported chat line (`GET /api/admin/chat/reports`), with a copy of the line as reported. */
export interface ChatReport {
  id: number;
  tableId: string;
  message: ChatMessage;
  reporterId: number;
  reason: string | null;
  at: string;
}

/** Admin: a player muted in every table's chat (`GET /api/admin/chat/mutes`). */
export interface ChatMute {
  playerId: number;
  mutedBy: number;
  reason: string;
  at: string;
}
