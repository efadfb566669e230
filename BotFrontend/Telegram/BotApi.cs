using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Players;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>
/// Every call to Telegram goes through <see cref="Once{T}"/>, which tells what Telegram answered (accepted, throttled
/// with <c>retry_after</c>, chat unreachable, "message is not modified", the message deleted, refused, no answer). Messages to chats go out
/// through the outbox (<see cref="Sending.Outbox"/>), which paces and retries them per chat, and callback answers are
/// one attempt each (a button press expires in seconds); <see cref="Call{T}"/> is for the calls that are not a chat's
/// messages (start-up, polling, alerts): 429 waits and retries, 403 marks the player unreachable, network errors retry
/// with exponential backoff, other refusals give <c>default</c> (a failed call must not fail the handler).
/// </summary>
internal sealed class BotApi(ITelegramBotClient client, IGrainFactory grains, TimeProvider time, BotMetrics metrics, ILogger<BotApi> logger)
{
    private const int MaxAttempts = 5;

    public ITelegramBotClient Client => client;

    /// <summary>Runs a call without a result; true when Telegram accepted it.</summary>
    public async Task<bool> Call(long chatId, Func<ITelegramBotClient, CancellationToken, Task> call, CancellationToken cancellationToken = default) =>
        await Call(chatId, async (client, ct) =>
        {
            await call(client, ct);
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="call"/> for <paramref name="chatId"/> (a private chat's id is the player id; 0: no chat).</summary>
    public async Task<T?> Call<T>(long chatId, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await Once(chatId, call, cancellationToken);
            switch (answer.Outcome)
            {
                case CallOutcome.Ok:
                    return answer.Value;
                case CallOutcome.Throttled when attempt < MaxAttempts:
                    await Task.Delay(answer.RetryAfter, time, cancellationToken);
                    break;
                case CallOutcome.Network when attempt < MaxAttempts && !cancellationToken.IsCancellationRequested:
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1)), time, cancellationToken);
                    break;
                case CallOutcome.Unreachable when chatId > 0:
                    await MarkUnreachable(chatId);
                    return default;
                default:
                    return default;
            }
        }
    }

    /// <summary>One attempt of <paramref name="call"/>; what Telegram answered, logged at its level.</summary>
    public async Task<CallResult<T>> Once<T>(long chatId, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return new CallResult<T>(CallOutcome.Ok, await call(client, cancellationToken));
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            metrics.Throttled(e.Parameters?.RetryAfter ?? 0);
            var wait = TimeSpan.FromSeconds(Math.Clamp(e.Parameters?.RetryAfter ?? 1, 1, 300));
            logger.LogWarning("Telegram throttled chat {ChatId} for {RetryAfter}", chatId, wait);
            return new CallResult<T>(CallOutcome.Throttled, default, wait);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            logger.LogInformation("Chat {ChatId} cannot be reached: {Reason}", chatId, e.Message);
            return new CallResult<T>(CallOutcome.Unreachable, default);
        }
        catch (ApiRequestException e) when (e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
            return new CallResult<T>(CallOutcome.NotModified, default);
        }
        catch (ApiRequestException e) when (e.Message.Contains("message to edit not found", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("A message of chat {ChatId} was deleted: {Reason}", chatId, e.Message);
            return new CallResult<T>(CallOutcome.Deleted, default);
        }
        catch (ApiRequestException e)
        {
            logger.LogWarning("Telegram refused a call for chat {ChatId}: {Code} {Reason}", chatId, e.ErrorCode, e.Message);
            return new CallResult<T>(CallOutcome.Refused, default);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Telegram unreachable for chat {ChatId}: {Reason}", chatId, e.Message);
            return new CallResult<T>(CallOutcome.Network, default);
        }
    }

    /// <summary>Records that the player's private chat answers 403 (blocked, or never opened): the gateway and bot stop expecting them there.</summary>
    public async Task MarkUnreachable(long playerId)
    {
        try
        {
            await grains.GetGrain<IPlayerGrain>(playerId).SetReachable(false);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not mark player {PlayerId} unreachable", playerId);
        }
    }
}

/// <summary>What Telegram answered one call.</summary>
internal enum CallOutcome
{
    Ok,

    /// <summary>429: wait <see cref="CallResult{T}.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>403: the user blocked the bot or never opened it, or the bot left the group.</summary>
    Unreachable,

    /// <summary>400 "message is not modified": the message already reads so.</summary>
    NotModified,

    /// <summary>400 "message to edit not found": somebody deleted the message in their chat.</summary>
    Deleted,

    /// <summary>Another refusal: retrying the same call cannot help.</summary>
    Refused,

    /// <summary>No answer (network error or timeout).</summary>
    Network,
}

internal readonly record struct CallResult<T>(CallOutcome Outcome, T? Value, TimeSpan RetryAfter = default);
