using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Rendering;

/// <summary>
/// What an inline button carries back when it is pressed: the keyboards write it with <see cref="Format"/>, the update
/// handler reads it with <see cref="TryParse"/>, and nothing else writes or reads it. The formats never change (buttons
/// sent long ago must still work), and Telegram takes at most <see cref="MaxBytes"/> bytes:
/// <list type="bullet">
/// <item><c>m</c> menu, <c>t</c> my tables, <c>p</c> profile, <c>s</c> stats, <c>wa</c> wallet, <c>iv</c> invite,
/// <c>h</c> help, <c>tu</c> top-up (<see cref="Command"/>);</item>
/// <item><c>l</c> the lobby, <c>l:&lt;page&gt;</c> a page of it (<see cref="Lobby"/>); <c>lg</c> the languages,
/// <c>lg:&lt;language&gt;</c> one chosen (<see cref="Language"/>);</item>
/// <item><c>&lt;verb&gt;:&lt;table&gt;</c> (<see cref="Table"/>): <c>j</c> join, <c>w</c> waitlist, <c>so</c> / <c>si</c>
/// sit out / in, <c>v</c> refresh, <c>lv</c> leave; for admins <c>ad</c> manage, <c>ap</c> / <c>ar</c> pause / resume,
/// <c>ac</c> close, and <c>ak:&lt;table&gt;:&lt;player&gt;</c> kick (<see cref="Kick"/>);</item>
/// <item>for a table's host (<see cref="Host"/>): <c>hp:&lt;table&gt;</c> / <c>hr:&lt;table&gt;</c> pause / resume,
/// <c>hc:&lt;table&gt;</c> close, <c>hk:&lt;table&gt;:&lt;player&gt;</c> kick, <c>hb:&lt;table&gt;:&lt;big blind&gt;</c> and
/// <c>ht:&lt;table&gt;:&lt;seconds&gt;</c> the next hand's big blind and turn time;</item>
/// <item><c>y:&lt;template&gt;</c> wait for any of the room's tables of a template (<see cref="AnyTable"/>);</item>
/// <item>for admins <c>mt:1</c> / <c>mt:0</c> the room's maintenance on / off (<see cref="Maintenance"/>), <c>bc</c>
/// send the broadcast the message shows (<see cref="BroadcastSend"/>);</item>
/// <item><c>a:&lt;table&gt;:&lt;hand&gt;:&lt;turn&gt;:&lt;code&gt;</c> an action on one turn (<see cref="Act"/>):
/// <c>f</c> fold, <c>k</c> check, <c>c</c> call, <c>b</c> bring-in, <c>r&lt;n&gt;</c> bet or raise to n, <c>x</c> ask
/// for an amount, <c>s&lt;cards&gt;</c> the draw's selection after a card toggle, <c>d&lt;cards&gt;</c> discard them
/// (<c>d</c> alone stands pat).</item>
/// </list>
/// </summary>
internal abstract record CallbackData
{
    /// <summary>Telegram's limit on a button's callback data, in UTF-8 bytes.</summary>
    public const int MaxBytes = 64;

    private static readonly (string Code, CommandKind Kind)[] Commands =
    [
        ("m", CommandKind.Menu), ("t", CommandKind.MyTables), ("p", CommandKind.Profile), ("s", CommandKind.Stats),
        ("wa", CommandKind.Wallet), ("iv", CommandKind.Invite), ("h", CommandKind.Help), ("tu", CommandKind.TopUp),
    ];

    private static readonly (string Code, TableVerb Verb)[] TableVerbs =
    [
        ("j", TableVerb.Join), ("w", TableVerb.Waitlist), ("so", TableVerb.SitOut), ("si", TableVerb.SitIn), ("v", TableVerb.Refresh),
        ("lv", TableVerb.Leave), ("ad", TableVerb.Manage), ("ap", TableVerb.Pause), ("ar", TableVerb.Resume), ("ac", TableVerb.Close),
    ];

    private static readonly (char Code, TurnButton Button)[] TurnButtons =
    [
        ('f', TurnButton.Fold), ('k', TurnButton.Check), ('c', TurnButton.Call), ('b', TurnButton.BringIn), ('r', TurnButton.BetOrRaise),
        ('x', TurnButton.AskAmount), ('s', TurnButton.Toggle), ('d', TurnButton.Discard),
    ];

    private static readonly (string Code, HostVerb Verb)[] HostVerbs =
    [
        ("hp", HostVerb.Pause), ("hr", HostVerb.Resume), ("hc", HostVerb.Close), ("hk", HostVerb.Kick), ("hb", HostVerb.BigBlind), ("ht", HostVerb.TurnTime),
    ];

    /// <summary>A host's buttons; the last three carry a value (a player, a big blind, seconds).</summary>
    public enum HostVerb { Pause, Resume, Close, Kick, BigBlind, TurnTime }

    /// <summary>The buttons that need nothing but their name.</summary>
    public enum CommandKind { Menu, MyTables, Profile, Stats, Wallet, Invite, Help, TopUp }

    /// <summary>The buttons that name one table.</summary>
    public enum TableVerb { Join, Waitlist, SitOut, SitIn, Refresh, Leave, Manage, Pause, Resume, Close }

    /// <summary>The buttons of a "your turn" prompt.</summary>
    public enum TurnButton { Fold, Check, Call, BringIn, BetOrRaise, AskAmount, Toggle, Discard }

    /// <summary>The data to put in a button.</summary>
    public abstract string Format();

    /// <summary>
    /// Reads a pressed button's data; false for anything the bot never made (the caller refuses it and changes nothing).
    /// Card codes of a draw button are the handler's to check: they are a selection of the player's cards.
    /// </summary>
    public static bool TryParse(string? data, [NotNullWhen(true)] out CallbackData? parsed)
    {
        parsed = data is null ? null : Parse(data);
        return parsed is not null;
    }

    private static CallbackData? Parse(string data)
    {
        var colon = data.IndexOf(':', StringComparison.Ordinal);
        var (verb, rest) = colon >= 0 ? (data[..colon], data[(colon + 1)..]) : (data, null);
        switch (verb)
        {
            case "l" when rest is null:
                return new Lobby(null);
            case "l":
                return TryNumber(rest, out var page) && page <= int.MaxValue ? new Lobby((int)page) : null;
            case "lg":
                return new Language(string.IsNullOrEmpty(rest) ? null : rest);
            case "ak":
                var cut = rest?.LastIndexOf(':') ?? -1;
                return cut > 0 && TableIds.IsValid(rest![..cut]) && TryNumber(rest[(cut + 1)..], out var player) ? new Kick(rest[..cut], player) : null;
            case "a":
                return ParseAct(rest);
            case "mt":
                return rest switch { "1" => new Maintenance(true), "0" => new Maintenance(false), _ => null };
            case "y":
                return TableIds.IsValid(rest) ? new AnyTable(rest!) : null;
            case "bc":
                return rest is null ? new BroadcastSend() : null;
        }

        foreach (var (code, hostVerb) in HostVerbs)
        {
            if (code == verb)
            {
                return ParseHost(hostVerb, rest);
            }
        }

        foreach (var (code, kind) in Commands)
        {
            if (code == verb)
            {
                return rest is null ? new Command(kind) : null;
            }
        }

        foreach (var (code, tableVerb) in TableVerbs)
        {
            if (code == verb)
            {
                return TableIds.IsValid(rest) ? new Table(tableVerb, rest!) : null;
            }
        }

        return null;
    }

    /// <summary><c>&lt;table&gt;</c> for pause, resume and close; <c>&lt;table&gt;:&lt;value&gt;</c> for the others.</summary>
    private static Host? ParseHost(HostVerb verb, string? rest)
    {
        if (verb is HostVerb.Pause or HostVerb.Resume or HostVerb.Close)
        {
            return TableIds.IsValid(rest) ? new Host(verb, rest!) : null;
        }

        var cut = rest?.LastIndexOf(':') ?? -1;
        return cut > 0 && TableIds.IsValid(rest![..cut]) && TryNumber(rest[(cut + 1)..], out var value) ? new Host(verb, rest[..cut], value) : null;
    }

    /// <summary><c>&lt;table&gt;:&lt;hand&gt;:&lt;turn&gt;:&lt;code&gt;</c>.</summary>
    private static Act? ParseAct(string? rest)
    {
        var parts = rest?.Split(':');
        if (parts is not { Length: 4 } || !TableIds.IsValid(parts[0]) || !TryNumber(parts[1], out var handNo) || !TryNumber(parts[2], out var turnId)
            || parts[3] is not [var first, .. var argument])
        {
            return null;
        }

        var turn = new TurnRef(handNo, turnId);
        foreach (var (code, button) in TurnButtons)
        {
            if (code != first)
            {
                continue;
            }

            return button switch
            {
                TurnButton.Toggle or TurnButton.Discard => new Act(parts[0], turn, button, Cards: argument),
                TurnButton.BetOrRaise => TryNumber(argument, out var to) ? new Act(parts[0], turn, button, Amount: to) : null,
                _ => argument.Length == 0 ? new Act(parts[0], turn, button) : null,
            };
        }

        return null;
    }

    private static bool TryNumber(string? text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A button that needs nothing but its name.</summary>
    public sealed record Command(CommandKind Kind) : CallbackData
    {
        public override string Format() => Commands.First(c => c.Kind == Kind).Code;
    }

    /// <summary>The lobby: its first page from the menu (<c>l</c>, no page), or the page a paging button names.</summary>
    public sealed record Lobby(int? Page) : CallbackData
    {
        public override string Format() => Page is { } page ? "l:" + Number(page) : "l";
    }

    /// <summary>The languages to choose from (no code), or the one chosen.</summary>
    public sealed record Language(string? Code) : CallbackData
    {
        public override string Format() => Code is null ? "lg" : "lg:" + Code;
    }

    /// <summary>A button about one table.</summary>
    public sealed record Table(TableVerb Verb, string TableId) : CallbackData
    {
        public override string Format() => TableVerbs.First(v => v.Verb == Verb).Code + ":" + TableId;
    }

    /// <summary>A player's button that joins the waitlist of any of the room's tables of a template.</summary>
    public sealed record AnyTable(string TemplateId) : CallbackData
    {
        public override string Format() => "y:" + TemplateId;
    }

    /// <summary>An admin's button that takes a player off a table.</summary>
    public sealed record Kick(string TableId, long PlayerId) : CallbackData
    {
        public override string Format() => "ak:" + TableId + ":" + Number(PlayerId);
    }

    /// <summary>A host's button about their table; <paramref name="Value"/> is the player, big blind or seconds it names.</summary>
    public sealed record Host(HostVerb Verb, string TableId, long Value = 0) : CallbackData
    {
        public override string Format() =>
            HostVerbs.First(v => v.Verb == Verb).Code + ":" + TableId + (Verb is HostVerb.Pause or HostVerb.Resume or HostVerb.Close ? "" : ":" + Number(Value));
    }

    /// <summary>An admin's button that turns the room's maintenance on or off.</summary>
    public sealed record Maintenance(bool On) : CallbackData
    {
        public override string Format() => On ? "mt:1" : "mt:0";
    }

    /// <summary>An admin's button under a broadcast draft: send it (the text is the draft message's own, after its first blank line).</summary>
    public sealed record BroadcastSend : CallbackData
    {
        public override string Format() => "bc";
    }

    /// <summary>
    /// A button of a "your turn" prompt, for that <paramref name="Turn"/> only: <paramref name="Amount"/> is what a bet or
    /// raise goes to, <paramref name="Cards"/> the run-together card codes of a draw button (<c>AsKh</c>).
    /// </summary>
    public sealed record Act(string TableId, TurnRef Turn, TurnButton Button, long Amount = 0, string Cards = "") : CallbackData
    {
        public override string Format()
        {
            var code = TurnButtons.First(b => b.Button == Button).Code;
            var argument = Button switch
            {
                TurnButton.BetOrRaise => Number(Amount),
                TurnButton.Toggle or TurnButton.Discard => Cards,
                _ => "",
            };
            return "a:" + TableId + ":" + Number(Turn.HandNo) + ":" + Number(Turn.TurnId) + ":" + code + argument;
        }
    }
}
