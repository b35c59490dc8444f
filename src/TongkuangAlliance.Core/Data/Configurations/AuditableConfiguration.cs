namespace TongkuangAlliance.Core.Data.Configurations;

internal static class AuditableConfiguration
{
    public static void ConfigureAudit<T>(this EntityTypeBuilder<T> builder) where T : AuditableEntity
    {
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.CreatedBy).HasMaxLength(450);
        builder.Property(e => e.ModifiedBy).HasMaxLength(450);
    }

    public static void OwnsContact<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, Contact?>> navigation, string prefix) where T : class
    {
        builder.OwnsOne(navigation, contact =>
        {
            contact.Property(c => c.Name).HasColumnName(prefix + "Name").HasMaxLength(FieldLengths.PersonName);
            contact.Property(c => c.Phone).HasColumnName(prefix + "Phone").HasMaxLength(FieldLengths.Phone);
        });
    }
}
