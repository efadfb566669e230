namespace Orleans.Poker.Gateway.Load;

/// <summary>The tool's options, its <c>--help</c>, and the check that the gateways named with <c>--url</c> answer.</summary>
internal static class Usage
{
    public static readonly string[] Options =
        ["help", "spawn", "storage", "gateways", "url", "clients", "tables", "seated", "seconds", "warmup", "think-ms", "template", "server-env", "gateway-processors", "floor", "sweep", "sweep-from", "step-samples", "plot"];

    public const string Text = """
        Gateway load tool: SignalR clients playing and watching tables through running gateways, or through a silo and
        two gateways it starts itself.

        Usage: dotnet run -c Release --project tests/Gateway.Load -- [options]

          --spawn                 start one silo (no co-hosted gateway) and --gateways gateway processes from this
                                  tool's build configuration, run the load across them, stop them by PID
          --storage postgres|memory   with --spawn: the silo's storage (default postgres; needs POKER_TEST_POSTGRES
                                  and POKER_TEST_REDIS)
          --gateways N            with --spawn: gateway processes (default 2)
          --server-env K=V[,K=V]  with --spawn: extra settings in the servers' environment
          --gateway-processors N  with --spawn: the processors each gateway's .NET runtime sizes itself for, and the
                                  bare hub's with --floor (DOTNET_PROCESSOR_COUNT; default 1, as the deployments run
                                  a gateway: compose limits it to one CPU; 0: the machine's)
          --url U[,U]             without --spawn: running gateways (default http://127.0.0.1:8080)
          --clients N             guests signed in, one WebSocket hub connection each, round-robin over the gateways
                                  (default 60)
          --tables M              tables created (default 6)
          --seated K              players per table who play (check, call or fold on their turn); the rest watch
                                  (default 6)
          --think-ms T            how long a player waits before acting, on average (default 0): exponentially
                                  distributed (at most 5 T) so that the tables do not act in step
          --template ID           the template the tables are created from (default nlhe-cash)
          --warmup S              seconds before the measured window (default 30: servers JIT-compile at first);
                                  with --spawn, longer until every server's runtime spends at most 1 % of a core
                                  in its JIT compiler (checked every 10 s from each one's /metrics, at most 4 min
                                  more; warmup_s, and each one's time in the JIT in the window, *_jit_ms_per_s),
                                  reading their /metrics each second meanwhile, as each window does at its ends
          --seconds S             the measured window (default 10)
          --floor                 with --spawn: after the run, SignalR's own cost beside the gateways': a bare ASP.NET
                                  Core hub (a process of its own) sends the run's event sizes to as many connections
                                  in as many groups at the rate the gateways delivered, for a window as long, warmed
                                  up the same way (floor_warmup_s, floor_jit_ms_per_s); prints
                                  the CPU per delivered message of both and gateway_vs_floor, the gateways measured
                                  again in the bare hub's window while the room keeps playing (same_window_*, the
                                  ratio under the same load at the same moment: same_window_gateway_vs_floor), and
                                  how often each side's threads got a core per message (*_thread_runs_per_message)
          --sweep                 offered load in steps instead of one window: players wait so that the tables offer
                                  --sweep-from actions/s (default 50), doubling while the reached rate follows, then
                                  no wait (saturation); every step prints its figures (step_<offered>_*) and every
                                  process's CPU, then saturation_actions_per_s, p99_ms_up_to_half_saturation, and the
                                  curve as a PNG (--plot FILE, default latency-curve.png)
          --step-samples N        with --sweep: a step's window lasts long enough for about N actions at its offered
                                  rate (default 3000; at least --seconds, at most 120 s), so one stall of a few
                                  hundred milliseconds does not make a low step's p99
          --help                  this text

        Prints `name value unit` lines: actions/s; the latency from sending an action to the LAST viewer's receipt of
        its event (p50/p95/p99); the action's answer time; the CPU each process used and how long its threads waited
        for a core each time they got one (<name>_runq_wait_us, from /proc/PID/task/*/schedstat; this tool's own as
        load_*); with --spawn, the servers' own view from their /metrics: the silo's time in the table grain (and
        silo_plain_action_p99_ms: the actions that did not end their hand), the gateways' grain calls and their relay's delivery (silo_action_*, gateway_grain_call_*, gateway_delivery_*,
        p50/p99 interpolated in the servers' buckets). Exit codes: 0 done, 2 bad options
        or no gateway answering, 3 a gateway stopped answering during the run.
        """;

    /// <summary>The first gateway that does not answer its liveness check, and why; null when all answer.</summary>
    public static async Task<(Uri Url, string Reason)?> Unanswered(IEnumerable<Uri> urls, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var url in urls)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(url, "/health/live"), cancel);
                if (!response.IsSuccessStatusCode)
                {
                    return (url, $"its liveness check answered {(int)response.StatusCode}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
            {
                return (url, ex is TaskCanceledException ? "no answer in 5 s" : ex.Message);
            }
        }

        return null;
    }

    /// <summary>Says what is wrong with the options and ends the tool (exit code 2).</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Environment.Exit(2);
        return 2;
    }
}
