using System.Globalization;

namespace Orleans.Poker.BotFrontend.Rendering;

/// <summary>
/// The <c>/start</c> parameter of the bot's deep links (<c>t.me/&lt;bot&gt;?start=&lt;payload&gt;</c>): written with
/// <see cref="Format"/> and read with <see cref="Parse"/> only here, like <see cref="CallbackData"/> for buttons. Links
/// already shared must keep working, so the formats never change: <c>t_&lt;table&gt;</c> a table,
/// <c>i_&lt;table&gt;_&lt;code&gt;</c> an invitation to a private table, <c>j_&lt;table&gt;</c> join (from a group's
/// button), <c>r_&lt;player&gt;</c> a referral, <c>g</c> a group's table, and <c>profile</c>, <c>stats</c>,
/// <c>wallet</c>, <c>invite</c> a private section asked for in a group.
/// </summary>
internal abstract record StartPayload
{
    private static readonly string[] Sections = ["profile", "stats", "wallet", "invite", "lobby"];

    /// <summary>The payload to put in a link.</summary>
    public abstract string Format();

    /// <summary>What a <c>/start</c> parameter asks for; null for none (or one the bot never made): the welcome.</summary>
    public static StartPayload? Parse(string payload) => payload switch
    {
        ['t', '_', .. var table] when Grains.Interfaces.Tables.TableIds.IsValid(table) => new Table(table),
        ['i', '_', .. var rest] when rest.LastIndexOf('_') is var cut and > 0 && Grains.Interfaces.Tables.TableIds.IsValid(rest[..cut]) => new Invite(rest[..cut], rest[(cut + 1)..]),
        ['j', '_', .. var table] when Grains.Interfaces.Tables.TableIds.IsValid(table) => new Join(table),
        ['r', '_', .. var player] when long.TryParse(player, NumberStyles.None, CultureInfo.InvariantCulture, out var referrer) => new Referral(referrer),
        "g" => new Group(),
        _ when Sections.Contains(payload, StringComparer.Ordinal) => new Section(payload),
        _ => null,
    };

    /// <summary>Shows a table.</summary>
    public sealed record Table(string TableId) : StartPayload
    {
        public override string Format() => "t_" + TableId;
    }

    /// <summary>Seats the player at a private table with its invite code.</summary>
    public sealed record Invite(string TableId, string Code) : StartPayload
    {
        public override string Format() => "i_" + TableId + "_" + Code;
    }

    /// <summary>Seats the player (a group's Join pressed by someone the bot could not reach yet).</summary>
    public sealed record Join(string TableId) : StartPayload
    {
        public override string Format() => "j_" + TableId;
    }

    /// <summary>A new player invited by <paramref name="ReferrerId"/>.</summary>
    public sealed record Referral(long ReferrerId) : StartPayload
    {
        public override string Format() => "r_" + ReferrerId.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The group's table (in a group chat).</summary>
    public sealed record Group : StartPayload
    {
        public override string Format() => "g";
    }

    /// <summary>A section shown in the private chat: <c>profile</c>, <c>stats</c>, <c>wallet</c>, <c>invite</c> or <c>lobby</c>.</summary>
    public sealed record Section(string Name) : StartPayload
    {
        public override string Format() => Name;
    }
}
