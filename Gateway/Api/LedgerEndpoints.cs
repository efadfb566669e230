using System.Globalization;
using System.Text;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Gateway.Api;

/// <summary>
/// <c>/api/admin/ledger</c>: every player's ledger entries by time (a page, or all of a range as CSV) and the room's
/// balance sheet; <c>/api/admin/transactions</c> and <c>/api/admin/players/{id}/ledger</c>: the ledger searched, newest
/// first. Admin role only.
/// </summary>
public static class LedgerEndpoints
{
    public static RouteGroupBuilder MapLedgerEndpoints(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("/admin/ledger").WithTags("Admin").RequireAuthorization(Auth.PokerClaims.AdminPolicy);

        ledger.MapGet("/", async (DateTimeOffset from, DateTimeOffset to, int? page, int? pageSize, IGrainFactory grains) =>
        {
            var (p, size, skip) = Input.Page(page, pageSize);
            return new PageResponse<LedgerEntry>(await Grain(grains).Entries(from, Range(from, to), skip, size), p, size);
        }).WithSummary("Ledger entries of every player recorded in [from, to), oldest first");

        ledger.MapGet("/export", async (DateTimeOffset from, DateTimeOffset to, long? playerId, HttpContext http, IGrainFactory grains, ILoggerFactory logs) =>
        {
            Range(from, to);
            if (playerId is { } id)
            {
                await grains.GetGrain<IPlayerGrain>(Input.PlayerId(id)).Get();
            }

            var who = playerId is { } player ? $"player-{player}-" : "";
            await WriteCsv(
                http,
                $"ledger-{who}{from:yyyyMMddTHHmm}-{to:yyyyMMddTHHmm}.csv",
                skip => Grain(grains).Search(new LedgerQuery(playerId, null, from, to, skip, ILedgerGrain.MaxTake, OldestFirst: true)),
                logs.CreateLogger(typeof(LedgerEndpoints)));
        }).WithSummary("Ledger entries of every player (or of playerId) recorded in [from, to) as CSV, oldest first (at most 366 days)");

        api.MapGet("/admin/transactions", (string? kind, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, IGrainFactory grains) =>
                Search(grains, null, kind, from, to, page, pageSize))
            .WithTags("Admin").RequireAuthorization(Auth.PokerClaims.AdminPolicy)
            .WithSummary("Every player's transactions, newest first (paged); filtered by kind (e.g. BuyIn) and time (from inclusive, to exclusive)");

        api.MapGet("/admin/players/{playerId:long}/ledger", async (long playerId, string? kind, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, IGrainFactory grains) =>
            {
                await grains.GetGrain<IPlayerGrain>(Input.PlayerId(playerId)).Get();
                return await Search(grains, playerId, kind, from, to, page, pageSize);
            })
            .WithTags("Admin").RequireAuthorization(Auth.PokerClaims.AdminPolicy)
            .WithSummary("A player's transactions, newest first (paged, filtered like GET /api/admin/transactions)");

        ledger.MapGet("/balance", (IGrainFactory grains) => Grain(grains).Balance())
            .WithSummary("The balance sheet: issued chips = players' balances + the house's rake + chips on tables");
        return api;
    }

    private static ILedgerGrain Grain(IGrainFactory grains) => grains.GetGrain<ILedgerGrain>(0);

    /// <summary>
    /// Writes the entries <paramref name="page"/> answers from each offset (<see cref="ILedgerGrain.MaxTake"/> a page)
    /// as a CSV download. The first page is read before anything is sent, so storage trouble then is the caller's 503;
    /// trouble after the download began cannot change its status, so the connection is aborted: the client sees a
    /// broken transfer, never a file that looks complete.
    /// </summary>
    internal static async Task WriteCsv(HttpContext http, string fileName, Func<int, Task<IReadOnlyList<LedgerEntry>>> page, ILogger logger)
    {
        var entries = await page(0);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await http.Response.WriteAsync("at,transfer_id,player_id,kind,amount,balance_after,table_id,note\n", http.RequestAborted);
        for (var skip = 0; ; )
        {
            var text = new StringBuilder();
            foreach (var e in entries)
            {
                text.Append(CultureInfo.InvariantCulture, $"{e.At:O},{Csv(e.TransferId)},{e.PlayerId},{WireNames.SnakeCase(e.Kind.ToString())},{e.Amount},{e.BalanceAfter},{Csv(e.TableId)},{Csv(e.Note)}\n");
            }

            await http.Response.WriteAsync(text.ToString(), http.RequestAborted);
            if (entries.Count < ILedgerGrain.MaxTake)
            {
                return;
            }

            skip += ILedgerGrain.MaxTake;
            try
            {
                entries = await page(skip);
            }
            catch (Exception e) when (PokerExceptionHandler.Classify(e).Status == StatusCodes.Status503ServiceUnavailable)
            {
                logger.LogWarning(e, "Ledger export {FileName} broken off after {Rows} rows: storage did not answer", fileName, skip);
                http.Abort();
                return;
            }
        }
    }

    /// <summary>One page of a ledger search: one player's (or everyone's) entries of a kind in a time range, newest first.</summary>
    private static async Task<PageResponse<LedgerEntry>> Search(IGrainFactory grains, long? playerId, string? kind, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize)
    {
        var (p, size, skip) = Input.Page(page, pageSize);
        Input.Range(from, to);
        return new PageResponse<LedgerEntry>(await Grain(grains).Search(new LedgerQuery(playerId, Input.LedgerKind(kind), from, to, skip, size)), p, size);
    }

    private static DateTimeOffset Range(DateTimeOffset from, DateTimeOffset to) =>
        from > to ? throw Input.Invalid("from", "must not be after to")
        : to - from > TimeSpan.FromDays(366) ? throw Input.Invalid("to", "must be at most 366 days after from")
        : to;

    /// <summary>A CSV field: quoted when it holds a comma, quote or line break; a leading formula character is defused.</summary>
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
