using System.Collections.Frozen;
using System.Globalization;

namespace Orleans.Poker.BotFrontend.Texts;

/// <summary>Every text the bot writes, in English and Persian; a missing Persian text falls back to English.</summary>
internal static class BotTexts
{
    public const string English = "en";
    public const string Persian = "fa";

    private static readonly FrozenDictionary<string, string> En = new Dictionary<string, string>
    {
        ["welcome"] = "Welcome to Orleans Poker, {0}! You have {1} chips. Choose below or type /help.",
        ["referred"] = "You were invited by player {0}.",
        ["menu"] = "Main menu",
        ["btn.lobby"] = "🃏 Lobby",
        ["btn.table"] = "🪑 My table",
        ["btn.profile"] = "👤 Profile",
        ["btn.wallet"] = "💰 Wallet",
        ["btn.stats"] = "📊 Stats",
        ["btn.invite"] = "✉️ Invite",
        ["btn.language"] = "🌐 Language",
        ["btn.help"] = "❓ Help",
        ["btn.app"] = "📱 Open the app",
        ["btn.join"] = "Join {0}",
        ["btn.waitlist"] = "Waitlist {0}",
        ["btn.leave"] = "Leave the table",
        ["btn.refresh"] = "Refresh",
        ["btn.topup"] = "Claim the daily top-up",
        ["btn.close"] = "Close {0}",
        ["btn.fold"] = "Fold",
        ["btn.check"] = "Check",
        ["btn.call"] = "Call {0}",
        ["btn.raise"] = "Raise to {0}",
        ["btn.bet"] = "Bet {0}",
        ["btn.allin"] = "All-in {0}",
        ["btn.custom"] = "Custom amount…",
        ["lobby.title"] = "Open tables:",
        ["lobby.empty"] = "No open tables right now.",
        ["lobby.row"] = "{0} · {1} · blinds {2}/{3} · {4}/{5} seated",
        ["table.none"] = "You are not seated at any table. Try /lobby.",
        ["table.notfound"] = "That table does not exist.",
        ["table.card"] = "{0} · {1} · blinds {2}/{3} · buy-in {4}–{5} · {6}/{7} seated",
        ["seated"] = "You sit at {0}, seat {1}, with {2} chips. Your cards come here privately.",
        ["waitlisted"] = "You are number {0} on the waitlist of {1}.",
        ["seat.offered"] = "A seat at {0} is held for you until {1:HH:mm:ss} UTC. Tap to sit.",
        ["left"] = "You left {0}; {1} chips went back to your balance.",
        ["profile"] = "👤 {0}\nLanguage: {1}\nBalance: {2} chips\nTables: {3}",
        ["stats"] = "📊 Hands played: {0}\nHands won: {1}\nNet: {2}\nVPIP: {3}%\nShowdowns: {4}\nBiggest pot: {5}",
        ["wallet"] = "💰 Balance: {0} chips",
        ["wallet.ledger"] = "Recent moves:",
        ["topup.done"] = "Topped up: your balance is {0}.",
        ["invite"] = "Invite friends with this link:\n{0}",
        ["invite.table"] = "Private table {0}: {1}",
        ["language.choose"] = "Choose your language:",
        ["language.set"] = "Language set to English.",
        ["help"] = "Commands:\n/menu – main menu\n/lobby – open tables\n/table – my table\n/profile – my profile\n/stats – my statistics\n/wallet – balance and ledger\n/invite – invite link\n/language – English / فارسی\n/startgroup – a table for this group\n/help – this help\nWhen it is your turn, tap a button; for a custom amount reply with a number.",
        ["admin.denied"] = "This command is for admins only.",
        ["admin.title"] = "Admin · {0} tables · {1} players seated",
        ["admin.closed"] = "Table {0} closes after the current hand.",
        ["group.only"] = "Use /startgroup in a group chat.",
        ["group.created"] = "A poker table for this group: {0}. Tap Join to sit; your cards come in a private chat with the bot.",
        ["hole"] = "🂠 Your cards at {0}, hand #{1}: {2}",
        ["turn"] = "⏰ Your turn at {0} (hand #{1}). Pot {2}. Act before {3:HH:mm:ss} UTC.",
        ["turn.done"] = "✓ {0}",
        ["turn.cards"] = "Cards: {0} · Board: {1}",
        ["custom.ask"] = "Reply with the amount to bet or raise to ({0}–{1}).",
        ["custom.invalid"] = "Send a number between {0} and {1}.",
        ["hand.title"] = "🃏 {0} · hand #{1}",
        ["hand.board"] = "Board: {0}",
        ["hand.pot"] = "Pot: {0}",
        ["hand.toact"] = "To act: {0}",
        ["hand.result"] = "🏆 {0} wins {1}{2}",
        ["hand.over"] = "Hand over.",
        ["error"] = "Refused: {0}",
        ["unknown"] = "I did not understand that. Type /help.",
        ["ok"] = "Done",
        ["cmd.start"] = "Start and main menu",
        ["cmd.menu"] = "Main menu",
        ["cmd.lobby"] = "Open tables",
        ["cmd.table"] = "My table",
        ["cmd.profile"] = "My profile",
        ["cmd.stats"] = "My statistics",
        ["cmd.wallet"] = "Balance and ledger",
        ["cmd.invite"] = "Invite link",
        ["cmd.language"] = "Language",
        ["cmd.help"] = "Help",
        ["cmd.startgroup"] = "A table for this group",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> Fa = new Dictionary<string, string>
    {
        ["welcome"] = "{0} عزیز، به اورلئانز پوکر خوش آمدید! شما {1} ژتون دارید. از منو انتخاب کنید یا /help را بزنید.",
        ["referred"] = "شما را بازیکن {0} دعوت کرده است.",
        ["menu"] = "منوی اصلی",
        ["btn.lobby"] = "🃏 لابی",
        ["btn.table"] = "🪑 میز من",
        ["btn.profile"] = "👤 پروفایل",
        ["btn.wallet"] = "💰 کیف پول",
        ["btn.stats"] = "📊 آمار",
        ["btn.invite"] = "✉️ دعوت",
        ["btn.language"] = "🌐 زبان",
        ["btn.help"] = "❓ راهنما",
        ["btn.app"] = "📱 باز کردن برنامه",
        ["btn.join"] = "نشستن در {0}",
        ["btn.waitlist"] = "صف انتظار {0}",
        ["btn.leave"] = "ترک میز",
        ["btn.refresh"] = "به‌روزرسانی",
        ["btn.topup"] = "دریافت شارژ روزانه",
        ["btn.close"] = "بستن {0}",
        ["btn.fold"] = "فولد",
        ["btn.check"] = "چک",
        ["btn.call"] = "کال {0}",
        ["btn.raise"] = "رِیز تا {0}",
        ["btn.bet"] = "بِت {0}",
        ["btn.allin"] = "آل‌این {0}",
        ["btn.custom"] = "مبلغ دلخواه…",
        ["lobby.title"] = "میزهای باز:",
        ["lobby.empty"] = "اکنون میز بازی وجود ندارد.",
        ["lobby.row"] = "{0} · {1} · بلایند {2}/{3} · {4}/{5} نفر",
        ["table.none"] = "شما پشت هیچ میزی ننشسته‌اید. /lobby را امتحان کنید.",
        ["table.notfound"] = "این میز وجود ندارد.",
        ["table.card"] = "{0} · {1} · بلایند {2}/{3} · ورودی {4}–{5} · {6}/{7} نفر",
        ["seated"] = "شما در {0}، صندلی {1}، با {2} ژتون نشستید. کارت‌هایتان به صورت خصوصی اینجا می‌آید.",
        ["waitlisted"] = "شما نفر {0} در صف انتظار {1} هستید.",
        ["seat.offered"] = "یک صندلی در {0} تا {1:HH:mm:ss} UTC برای شما نگه داشته شده است. برای نشستن بزنید.",
        ["left"] = "میز {0} را ترک کردید؛ {1} ژتون به موجودی شما برگشت.",
        ["profile"] = "👤 {0}\nزبان: {1}\nموجودی: {2} ژتون\nمیزها: {3}",
        ["stats"] = "📊 دست‌های بازی‌شده: {0}\nدست‌های برده: {1}\nخالص: {2}\nVPIP: {3}%\nشودان‌ها: {4}\nبزرگ‌ترین پات: {5}",
        ["wallet"] = "💰 موجودی: {0} ژتون",
        ["wallet.ledger"] = "تراکنش‌های اخیر:",
        ["topup.done"] = "شارژ شد: موجودی شما {0} است.",
        ["invite"] = "دوستانتان را با این لینک دعوت کنید:\n{0}",
        ["invite.table"] = "میز خصوصی {0}: {1}",
        ["language.choose"] = "زبان خود را انتخاب کنید:",
        ["language.set"] = "زبان فارسی انتخاب شد.",
        ["help"] = "دستورها:\n/menu – منوی اصلی\n/lobby – میزهای باز\n/table – میز من\n/profile – پروفایل\n/stats – آمار\n/wallet – موجودی و تراکنش‌ها\n/invite – لینک دعوت\n/language – English / فارسی\n/startgroup – میز برای این گروه\n/help – راهنما\nوقتی نوبت شماست دکمه‌ای را بزنید؛ برای مبلغ دلخواه یک عدد بفرستید.",
        ["admin.denied"] = "این دستور فقط برای مدیران است.",
        ["admin.title"] = "مدیریت · {0} میز · {1} بازیکن نشسته",
        ["admin.closed"] = "میز {0} پس از دست جاری بسته می‌شود.",
        ["group.only"] = "/startgroup را در یک گروه بزنید.",
        ["group.created"] = "میز پوکر این گروه: {0}. برای نشستن «نشستن» را بزنید؛ کارت‌ها در چت خصوصی با ربات می‌آید.",
        ["hole"] = "🂠 کارت‌های شما در {0}، دست #{1}: {2}",
        ["turn"] = "⏰ نوبت شما در {0} (دست #{1}). پات {2}. تا {3:HH:mm:ss} UTC بازی کنید.",
        ["turn.done"] = "✓ {0}",
        ["turn.cards"] = "کارت‌ها: {0} · میز: {1}",
        ["custom.ask"] = "مبلغ بِت یا رِیز را بفرستید ({0}–{1}).",
        ["custom.invalid"] = "عددی بین {0} و {1} بفرستید.",
        ["hand.title"] = "🃏 {0} · دست #{1}",
        ["hand.board"] = "کارت‌های میز: {0}",
        ["hand.pot"] = "پات: {0}",
        ["hand.toact"] = "نوبت: {0}",
        ["hand.result"] = "🏆 {0} برنده {1}{2}",
        ["hand.over"] = "دست تمام شد.",
        ["error"] = "پذیرفته نشد: {0}",
        ["unknown"] = "متوجه نشدم. /help را بزنید.",
        ["ok"] = "انجام شد",
        ["cmd.start"] = "شروع و منوی اصلی",
        ["cmd.menu"] = "منوی اصلی",
        ["cmd.lobby"] = "میزهای باز",
        ["cmd.table"] = "میز من",
        ["cmd.profile"] = "پروفایل من",
        ["cmd.stats"] = "آمار من",
        ["cmd.wallet"] = "موجودی و تراکنش‌ها",
        ["cmd.invite"] = "لینک دعوت",
        ["cmd.language"] = "زبان",
        ["cmd.help"] = "راهنما",
        ["cmd.startgroup"] = "میز برای این گروه",
    }.ToFrozenDictionary();

    /// <summary>The commands registered with <c>setMyCommands</c>, in menu order.</summary>
    public static IReadOnlyList<string> Commands { get; } = ["start", "menu", "lobby", "table", "profile", "stats", "wallet", "invite", "language", "help", "startgroup"];

    /// <summary><c>fa</c> for Persian, <c>en</c> for everything else.</summary>
    public static string Normalize(string? language) =>
        language is not null && language.StartsWith(Persian, StringComparison.OrdinalIgnoreCase) ? Persian : English;

    /// <summary>The text for <paramref name="key"/> in <paramref name="language"/> (English when missing), formatted.</summary>
    public static string Get(string? language, string key, params object?[] args)
    {
        var table = Normalize(language) == Persian ? Fa : En;
        var text = table.GetValueOrDefault(key) ?? En.GetValueOrDefault(key) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    /// <summary>True when both languages have the key (tests check the tables are complete).</summary>
    public static IEnumerable<string> MissingPersian() => En.Keys.Where(key => !Fa.ContainsKey(key));
}
