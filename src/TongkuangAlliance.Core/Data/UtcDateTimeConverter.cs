using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TongkuangAlliance.Core.Data;

/// <summary>Marks stored times as UTC (the model's rule) so providers that check the kind accept them.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
