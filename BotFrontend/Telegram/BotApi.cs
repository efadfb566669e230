using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Players;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>
/// Every call to Telegram goes through <see cref="Call{T}"/>: 429 waits <c>retry_after</c> and retries, 403 (the user
/// blocked the bot) marks the player unreachable, network errors retry with exponential backoff, other refusals are
/// logged and give <c>default</c> (a failed message must not fail the handler).
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

    /// <summary>Runs <paramref name="call"/> for <paramref name="chatId"/> (a private chat's id is the player id).</summary>
    public async Task<T?> Call<T>(long chatId, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(client, cancellationToken);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 && attempt < MaxAttempts)
            {
                metrics.Throttled(e.Parameters?.RetryAfter ?? 0);
                var wait = TimeSpan.FromSeconds(Math.Clamp(e.Parameters?.RetryAfter ?? 1, 1, 300));
                logger.LogWarning("Telegram throttled chat {ChatId}: retrying after {RetryAfter}", chatId, wait);
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 403)
            {
                logger.LogInformation("Chat {ChatId} cannot be reached: {Reason}", chatId, e.Message);
                if (chatId > 0)
                {
                    await MarkUnreachable(chatId);
                }

                return default;
            }
            catch (ApiRequestException e)
            {
                if (!e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
                {
                    logger.LogWarning("Telegram refused a call for chat {ChatId}: {Code} {Reason}", chatId, e.ErrorCode, e.Message);
                }

                return default;
            }
            catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException
                                      && !cancellationToken.IsCancellationRequested && attempt < MaxAttempts)
            {
                var wait = TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));
                logger.LogWarning("Telegram unreachable for chat {ChatId} (attempt {Attempt}): {Reason}", chatId, attempt, e.Message);
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    private async Task MarkUnreachable(long playerId)
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
