using System.Reflection;
using TongkuangAlliance.Web.Features.Accounts;

namespace TongkuangAlliance.UnitTests.Auditing;

/// <summary>
/// Every action and entity type the account audit writes fits its column. SQLite ignores a column's length, so only a
/// server database would refuse the row — with a 500 on sign-in, as "SignInRefusedInactive" (21 characters) once did
/// on PostgreSQL.
/// </summary>
public sealed class AuditActionLengthTests
{
    [Fact]
    public void Every_account_audit_action_and_entity_type_fits_the_audit_table_s_columns()
    {
        using var database = new TestDatabase();
        using var db = database.CreateContext();
        var entry = db.Model.FindEntityType(typeof(AuditEntry))!;
        var actionLength = entry.FindProperty(nameof(AuditEntry.Action))!.GetMaxLength()!.Value;
        var typeLength = entry.FindProperty(nameof(AuditEntry.EntityType))!.GetMaxLength()!.Value;

        var constants = typeof(AccountAudit).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, Value: (string)f.GetRawConstantValue()!)).ToList();
        Assert.True(constants.Count >= 10);
        Assert.All(constants, c => Assert.True(c.Value.Length <= Math.Max(actionLength, typeLength), $"{c.Name} = \"{c.Value}\" ({c.Value.Length})"));
        Assert.All(constants.Where(c => !c.Name.Contains("EntityType", StringComparison.Ordinal)),
            c => Assert.True(c.Value.Length <= actionLength, $"{c.Name} = \"{c.Value}\" is {c.Value.Length} characters; Action holds {actionLength}"));
    }
}
