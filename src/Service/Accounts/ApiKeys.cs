using Koostoo.Language;
using System.Security.Cryptography;
using System.Text;
using Koostoo.Service.Access;
using Koostoo.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Koostoo.Service.Accounts;

/// <summary>Personal API keys: made by their owner (or for them by the command line), revoked by the owner or an admin.</summary>
public sealed class ApiKeys(AccountsDbContext db, AuditLog audit, TimeProvider time)
{
    public const string KeyStart = "koostoo_";
    /// <summary>Last use is written at most this often, so that a busy script does not write on every request.</summary>
    private static readonly TimeSpan LastUseGranularity = TimeSpan.FromMinutes(1);

    /// <summary>A new key for the user; the key itself is returned once and stored only as its hash.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(Actor actor, string userId, string name, string? secret = null, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100) throw new AccountException("name", Words.Current["Problems.AKeyNeedsANameOf"]);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) throw new NotFoundException(Words.Current["Problems.ThereIsNoSuchAccount"]);
        if (actor.Id != userId && !actor.IsAdmin) throw new ForbiddenException(Words.Current["Problems.YouMayMakeKeysOnlyFor"]);
        if (secret is not null && (!secret.StartsWith(KeyStart, StringComparison.Ordinal) || secret.Length < KeyStart.Length + 32))
            throw new AccountException("key", Words.Current["Problems.AGivenKeyStartsWithAnd", KeyStart]);
        secret ??= KeyStart + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = new ApiKey { UserId = userId, Name = name, Hash = Hash(secret), Prefix = secret[..Math.Min(secret.Length, KeyStart.Length + 4)], CreatedAt = time.GetUtcNow() };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, AuditAction.KeyCreated, subject: name, ct: ct);
        return (key, secret);
    }

    /// <summary>The actor's own keys; an admin's list has everyone's.</summary>
    public async Task<IReadOnlyList<(ApiKey Key, string Owner)>> ListAsync(Actor actor, bool all, CancellationToken ct = default)
    {
        var query = from k in db.ApiKeys.AsNoTracking()
                    join u in db.Users on k.UserId equals u.Id
                    where (all && actor.IsAdmin) || k.UserId == actor.Id
                    select new { k, u.Email };
        var rows = await query.ToListAsync(ct);
        return rows.OrderBy(r => r.Email).ThenByDescending(r => r.k.CreatedAt.UtcTicks).Select(r => (r.k, r.Email ?? "")).ToList();
    }

    public async Task RevokeAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null || (key.UserId != actor.Id && !actor.IsAdmin)) throw new NotFoundException(Words.Current["Problems.ThereIsNoSuchKey"]);
        if (key.RevokedAt is not null) return;
        key.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, AuditAction.KeyRevoked, subject: key.Name, ct: ct);
    }

    /// <summary>The enabled user a presented key belongs to, noting its use; null for an unknown, revoked or disabled one.</summary>
    public async Task<StaffUser?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(KeyStart, StringComparison.Ordinal) || secret.Length > 200) return null;
        var hash = Hash(secret);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
        if (key is null) return null;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == key.UserId, ct);
        if (user is null || user.Disabled) return null;
        var now = time.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUseGranularity)
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return user;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
