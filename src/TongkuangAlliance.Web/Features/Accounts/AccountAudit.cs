using System.Text.Json;
using TongkuangAlliance.Core.Auditing;

namespace TongkuangAlliance.Web.Features.Accounts;

/// <summary>What of an account the audit trail records: its name, role and scope. Never a password or its hash.</summary>
public sealed record AccountSnapshot(string DisplayName, PortalRole Role, int? CommunityId, int? MemberUnitId, string? GridIds = null)
{
    /// <summary>A grid worker's grids as sorted ids ("3,5"), so that the audit can compare and record them.</summary>
    public static AccountSnapshot Of(AppUser user) => new(user.DisplayName, user.Role, user.CommunityId, user.MemberUnitId,
        user.GridLinks.Count == 0 ? null : string.Join(",", user.GridLinks.Select(g => g.GridId).Order()));

    public bool SameScope(AccountSnapshot other) => Role == other.Role && CommunityId == other.CommunityId && MemberUnitId == other.MemberUnitId && GridIds == other.GridIds;
}

/// <summary>
/// Audit rows of account changes (AppUser is an Identity entity, not an AuditableEntity, so the interceptor
/// does not see it). The controller adds the row to the context before the one save that UserManager makes,
/// so the change and its row are stored together. Changes use the interceptor's format: property → [before, after].
/// </summary>
public static class AccountAudit
{
    public const string EntityType = nameof(AppUser);

    public const string Created = nameof(Created);
    public const string Edited = nameof(Edited);
    public const string Locked = nameof(Locked);
    public const string Unlocked = nameof(Unlocked);
    public const string Deactivated = nameof(Deactivated);
    public const string Reactivated = nameof(Reactivated);
    public const string PasswordReset = nameof(PasswordReset);
    /// <summary>Locked by Identity after too many failed sign-ins from all addresses (not by an administrator).</summary>
    public const string AutoLocked = nameof(AutoLocked);

    // Sign-in attempts on an existing account, under their own entity type so that they do not crowd the
    // account's change history (never the password; an unknown user name is not recorded, since it is often a
    // password typed into the wrong box).
    public const string SignInEntityType = "SignIn";
    public const string SignedIn = nameof(SignedIn);
    public const string SignInFailed = nameof(SignInFailed);
    public const string SignInLockedOut = nameof(SignInLockedOut);
    // At most 20 characters: the length of AuditEntry.Action (SQLite does not enforce it; PostgreSQL and SQL Server do).
    public const string SignInRefusedInactive = "SignInInactive";

    public static AuditEntry Entry(string accountId, string action, string? actorId, DateTime atUtc, IReadOnlyDictionary<string, object?[]> changes, string entityType = EntityType, int? subDistrictId = null) => new()
    {
        SubDistrictId = subDistrictId,
        AtUtc = atUtc,
        UserId = actorId,
        EntityType = entityType,
        EntityId = accountId,
        Action = action,
        Changes = JsonSerializer.Serialize(changes),
    };

    /// <summary>The properties that differ; with no <paramref name="before"/> (a new account), every one that has a value.</summary>
    public static Dictionary<string, object?[]> Diff(AccountSnapshot? before, AccountSnapshot after)
    {
        var changes = new Dictionary<string, object?[]>();
        void Add(string name, object? old, object? now)
        {
            if (!Equals(old, now)) changes[name] = [old, now];
        }
        Add(nameof(AccountSnapshot.DisplayName), before?.DisplayName, after.DisplayName);
        Add(nameof(AccountSnapshot.Role), before?.Role.ToString(), after.Role.ToString());
        Add(nameof(AccountSnapshot.CommunityId), before?.CommunityId, after.CommunityId);
        Add(nameof(AccountSnapshot.MemberUnitId), before?.MemberUnitId, after.MemberUnitId);
        Add(nameof(AccountSnapshot.GridIds), before?.GridIds, after.GridIds);
        return changes;
    }

    /// <summary>An entry's changes in the reader's language, with community and unit ids turned into names.</summary>
    public static IReadOnlyList<AuditChange> Describe(string json, IStringLocalizer l, IReadOnlyDictionary<int, string> communities, IReadOnlyDictionary<int, string> units)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return [];
        var lines = new List<AuditChange>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() != 2) continue;
            var field = property.Name switch
            {
                "UserName" => l["Field.UserName"].Value,
                "DisplayName" => l["Field.DisplayName"].Value,
                "Role" => l["Field.Role"].Value,
                "CommunityId" => l["Field.Community"].Value,
                "MemberUnitId" => l["Field.MemberUnit"].Value,
                "GridIds" => l["Field.Grids"].Value,
                "IsActive" => l["Field.Status"].Value,
                "LockoutEnd" => l["Field.LockedUntil"].Value,
                "AccessFailedCount" => l["Field.AccessFailedCount"].Value,
                _ => property.Name,
            };
            lines.Add(new AuditChange(field, Value(property.Name, property.Value[0]), Value(property.Name, property.Value[1])));
        }
        return lines;

        string Value(string name, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Null) return "—";
            return name switch
            {
                "Role" => l["Role." + value.GetString()].Value,
                "CommunityId" when value.TryGetInt32(out var id) => communities.GetValueOrDefault(id, $"#{id}"),
                "MemberUnitId" when value.TryGetInt32(out var id) => units.GetValueOrDefault(id, $"#{id}"),
                "IsActive" => value.ValueKind == JsonValueKind.True ? l["AccountState.Active"].Value : l["AccountState.Deactivated"].Value,
                "LockoutEnd" when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) =>
                    end >= AccountState.AdministratorLockEnd ? l["AccountState.LockedByAdministrator"].Value : Display.ChinaDateTime(end.UtcDateTime),
                _ => value.ToString(),
            };
        }
    }
}
