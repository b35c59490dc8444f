namespace TongkuangAlliance.Core.Common;

/// <summary>Column sizes shared by the EF configurations and the input models' validation.</summary>
public static class FieldLengths
{
    public const int Name = 100;
    public const int PersonName = 50;
    public const int Phone = 20;
    public const int Address = 200;
    public const int IdNumber = 18;
    public const int ProtectedValue = 500;
    public const int Reason = 500;
    public const int UserName = 50;
    public const int CaseNumber = 20;
    public const int Title = 100;
    public const int Note = 1000;
    public const int Description = 2000;
    public const int Minutes = 4000;
    public const int EventSummary = 1000;
    public const int UserId = 450;
}
