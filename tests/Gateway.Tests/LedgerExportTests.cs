using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Gateway.Api;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>The ledger's CSV download when storage fails: before it began a 503, after it an aborted transfer.</summary>
public sealed class LedgerExportTests
{
    [Fact]
    public async Task Storage_trouble_before_the_first_row_sends_nothing_so_the_caller_gets_its_503()
    {
        var (http, lifetime) = Context();

        await Assert.ThrowsAsync<StoreUnavailableException>(() => LedgerEndpoints.WriteCsv(http, "ledger.csv", _ => throw new StoreUnavailableException(), NullLogger()));

        Assert.False(http.Response.HasStarted);
        Assert.Equal(0, http.Response.Body.Length);
        Assert.False(lifetime.Aborted);
    }

    [Fact]
    public async Task Storage_trouble_after_the_download_began_aborts_it_with_a_warning()
    {
        var (http, lifetime) = Context();
        var full = Enumerable.Range(0, ILedgerGrain.MaxTake).Select(Entry).ToList();
        using var logs = new LogCapture();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(logs));

        await LedgerEndpoints.WriteCsv(http, "ledger.csv", skip => skip == 0 ? Task.FromResult<IReadOnlyList<LedgerEntry>>(full) : throw new StoreUnavailableException(), factory.CreateLogger("export"));

        Assert.True(lifetime.Aborted);
        var written = Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
        Assert.Equal(ILedgerGrain.MaxTake + 1, written.Count(c => c == '\n'));
        var logged = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, logged.Level);
    }

    [Fact]
    public async Task A_complete_export_ends_after_its_last_short_page()
    {
        var (http, lifetime) = Context();
        var full = Enumerable.Range(0, ILedgerGrain.MaxTake).Select(Entry).ToList();
        var asked = new List<int>();

        await LedgerEndpoints.WriteCsv(http, "ledger.csv", skip =>
        {
            asked.Add(skip);
            return Task.FromResult<IReadOnlyList<LedgerEntry>>(skip == 0 ? full : [Entry(1)]);
        }, NullLogger());

        Assert.False(lifetime.Aborted);
        Assert.Equal([0, ILedgerGrain.MaxTake], asked);
        Assert.Equal("text/csv; charset=utf-8", http.Response.ContentType);
        Assert.Equal(ILedgerGrain.MaxTake + 2, Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()).Count(c => c == '\n'));
    }

    private static LedgerEntry Entry(int n) => new($"t{n}", 7, LedgerKind.Grant, 10, 10 * n, null, null, DateTimeOffset.UnixEpoch.AddMinutes(n));

    private static ILogger NullLogger() => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private static (HttpContext Http, Lifetime Lifetime) Context()
    {
        var http = new DefaultHttpContext();
        var lifetime = new Lifetime();
        http.Features.Set<IHttpRequestLifetimeFeature>(lifetime);
        http.Response.Body = new MemoryStream();
        return (http, lifetime);
    }

    private sealed class Lifetime : IHttpRequestLifetimeFeature
    {
        public CancellationToken RequestAborted { get; set; }

        public bool Aborted { get; private set; }

        public void Abort() => Aborted = true;
    }
}
