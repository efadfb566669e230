using System.Globalization;
using System.Text;
using Orleans.Poker.BotFrontend.Rendering;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using HostVerb = Orleans.Poker.BotFrontend.Rendering.CallbackData.HostVerb;

namespace Orleans.Poker.BotFrontend.Handling;

/// <summary>
/// <c>/host</c>: the controls of a table's host (its creator) — pause, resume, close, kick, the next hand's big blind
/// and turn time. The table decides who the host is and refuses anyone else (nothing changes); each action is in the
/// audit log under the host's id, as the gateway's host routes write it.
/// </summary>
internal sealed partial class UpdateHandler
{
    /// <summary>
    /// The host's panel for the table named, else in a group the group's table, else the first table the player sits
    /// at and hosts.
    /// </summary>
    private async Task Host(Context context, string argument, CancellationToken ct)
    {
        var tableId = argument.Length > 0 ? argument : !context.PrivateChat ? await GroupTable(context.ChatId) : await HostedTable(context);
        if (tableId is null || !TableIds.IsValid(tableId))
        {
            await Reply(context, BotTexts.Get(context.Language, "host.none"));
            return;
        }

        await ShowHostPanel(context, tableId);
    }

    /// <summary>The first of the player's tables they host (null when none).</summary>
    private async Task<string?> HostedTable(Context context)
    {
        foreach (var tableId in context.Player.Tables)
        {
            if ((await grains.GetGrain<ITableGrain>(tableId).GetSnapshot(null)).View.HostId == context.PlayerId)
            {
                return tableId;
            }
        }

        return null;
    }

    private async Task ShowHostPanel(Context context, string tableId)
    {
        var table = grains.GetGrain<ITableGrain>(tableId);
        var settings = await table.GetHostSettings(context.PlayerId);
        var view = (await table.GetSnapshot(null)).View;
        var language = context.Language;
        var now = settings.Current;
        var text = new StringBuilder(BotTexts.Get(language, "host.panel", view.Name, now.SmallBlind, now.BigBlind, Seconds(now.TurnTime),
            settings.MinBigBlind, settings.MaxBigBlind, Seconds(settings.MinTurnTime), Seconds(settings.MaxTurnTime)));
        if (settings.Next is { } next)
        {
            text.Append('\n').Append(BotTexts.Get(language, "host.next", next.SmallBlind, next.BigBlind, Seconds(next.TurnTime)));
        }

        await Reply(context, text.ToString(), Keyboards.Host(language, view, context.PlayerId, settings));
    }

    /// <summary>A host's button; returns the callback answer. The table refuses a player who is not its host.</summary>
    private async Task<string?> HostButton(Context context, CallbackData.Host button, CancellationToken ct)
    {
        var (tableId, language) = (button.TableId, context.Language);
        var table = grains.GetGrain<ITableGrain>(tableId);
        var name = (await table.GetSummary()).Name;
        // Only the host's actions within the table's limits reach the audit log: anybody else, and a change out of the
        // limits (a button of an old panel), is refused before an entry is written.
        var limits = await table.GetHostSettings(context.PlayerId);
        switch (button.Verb)
        {
            case HostVerb.Pause or HostVerb.Resume:
                var paused = button.Verb == HostVerb.Pause;
                await Audited(context, paused ? "host.pause" : "host.resume", tableId, "from the bot", () => table.HostPause(context.PlayerId, paused));
                await Reply(context, BotTexts.Get(language, paused ? "host.paused" : "host.resumed", name));
                break;
            case HostVerb.Close:
                await Audited(context, "host.close", tableId, "from the bot", () => table.HostClose(context.PlayerId));
                await Reply(context, BotTexts.Get(language, "host.closed", name));
                break;
            case HostVerb.Kick:
                ITableGrain.CheckHostKick(context.PlayerId, button.Value);
                var kickedName = (await table.GetSnapshot(null)).View.Seats.FirstOrDefault(s => s.PlayerId == button.Value)?.Name;
                await Audited(context, "host.kick", tableId, $"player {button.Value.ToString(CultureInfo.InvariantCulture)}: from the bot",
                    () => table.HostKick(context.PlayerId, button.Value));
                await watches.Forget(tableId, button.Value);
                await TellKicked(button.Value, name, "host.kickedyou", ct);
                await Reply(context, BotTexts.Get(language, "host.kicked", kickedName ?? button.Value.ToString(CultureInfo.InvariantCulture), name));
                break;
            case HostVerb.BigBlind or HostVerb.TurnTime:
                long? bigBlind = button.Verb == HostVerb.BigBlind ? button.Value : null;
                TimeSpan? turnTime = button.Verb == HostVerb.BigBlind ? null : TimeSpan.FromSeconds(Math.Min(button.Value, 3600));
                limits.Check(bigBlind, turnTime);
                var settings = await Audited(context, "host.settings", tableId, string.Create(CultureInfo.InvariantCulture,
                        $"next hand: big blind {bigBlind?.ToString(CultureInfo.InvariantCulture) ?? "unchanged"}, {(turnTime is { } t ? $"{t.TotalSeconds:0} s" : "unchanged")} to act: from the bot"),
                    () => table.HostChangeSettings(context.PlayerId, bigBlind, turnTime));
                var next = settings.Next ?? settings.Current;
                await Reply(context, BotTexts.Get(language, "host.changed", name, next.SmallBlind, next.BigBlind, Seconds(next.TurnTime)));
                break;
            default:
                throw new UnknownButtonException();
        }

        return BotTexts.Get(language, "ok");
    }

    private static long Seconds(TimeSpan time) => (long)time.TotalSeconds;
}
