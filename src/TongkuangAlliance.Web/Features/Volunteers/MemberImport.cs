using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using MiniExcelLibs;
using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Web.Features.Volunteers;

/// <summary>One row of an import file as read, with what is wrong with it (localization keys).</summary>
public sealed class ImportRow
{
    public int Line { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Community { get; set; }
    public string? Compound { get; set; }
    public string? Branch { get; set; }
    public string? Skills { get; set; }
    public string? ReportedOn { get; set; }
    public List<string> Errors { get; set; } = [];
}

/// <summary>
/// A member unit's import of its party members from .xlsx or .csv (UTF-8 with or without BOM, or GBK/GB18030).
/// The preview carries the parsed rows to the confirm step in a hidden field sealed with Data Protection (ADR 0007):
/// nothing is stored before the user confirms, and the rows cannot be altered on the way. Confirming validates them
/// again (someone may have registered a phone meanwhile) and adds each good row as one record.
/// </summary>
public sealed class MemberImport(AppDbContext db, IDataProtectionProvider protection)
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxRows = 1000;
    public static readonly string[] Columns = ["姓名", "手机号", "报到社区", "小区", "党支部", "特长", "报到日期"];

    private IDataProtector Protector => protection.CreateProtector("TongkuangAlliance.Volunteers.Import.v1");

    public string Seal(IReadOnlyList<ImportRow> rows) => Protector.Protect(JsonSerializer.Serialize(rows));

    public List<ImportRow>? Unseal(string? payload)
    {
        if (string.IsNullOrEmpty(payload)) return null;
        try
        {
            return JsonSerializer.Deserialize<List<ImportRow>>(Protector.Unprotect(payload));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Valid UTF-8 is UTF-8 (a BOM is dropped); anything else is read as GB18030, the superset of GBK.</summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    /// <summary>Reads the rows of a file; null when it is neither a readable .xlsx nor a CSV with the template's header.</summary>
    public static List<ImportRow>? Read(byte[] bytes)
    {
        List<string[]> table;
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            try
            {
                using var stream = new MemoryStream(bytes);
                table = [.. MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                    .Cast<IDictionary<string, object?>>()
                    .Select(r => r.Values.Select(v => v switch
                    {
                        null => "",
                        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        double n => n.ToString("0.##########", CultureInfo.InvariantCulture),
                        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
                    }).ToArray())];
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or IndexOutOfRangeException)
            {
                return null;
            }
        }
        else
        {
            table = Csv(Decode(bytes));
        }
        if (table.Count == 0) return null;
        var header = table[0].Select(h => h.Trim()).ToList();
        var index = Columns.Select(c => header.IndexOf(c)).ToArray();
        if (index[0] < 0 || index[1] < 0 || index[2] < 0) return null;
        string? Cell(string[] row, int column) => index[column] >= 0 && index[column] < row.Length && !string.IsNullOrWhiteSpace(row[index[column]]) ? row[index[column]].Trim() : null;
        return [.. table.Skip(1).Select((row, i) => new ImportRow
        {
            Line = i + 2, Name = Cell(row, 0), Phone = Cell(row, 1)?.Replace(" ", "", StringComparison.Ordinal), Community = Cell(row, 2), Compound = Cell(row, 3),
            Branch = Cell(row, 4), Skills = Cell(row, 5), ReportedOn = Cell(row, 6),
        }).Where(r => r.Name is not null || r.Phone is not null || r.Community is not null).Take(MaxRows + 1)];
    }

    /// <summary>Checks every row (two queries whatever the number of rows) and fills its errors.</summary>
    public async Task ValidateAsync(List<ImportRow> rows, int subDistrictId, CancellationToken cancellationToken)
    {
        var communities = await db.Communities.AsNoTracking().Where(c => c.SubDistrictId == subDistrictId)
            .Select(c => new { c.Id, c.Name, Compounds = c.Compounds.Select(x => new { x.Id, x.Name }).ToList() }).ToListAsync(cancellationToken);
        var phones = rows.Where(r => r.Phone is not null).Select(r => r.Phone!).Distinct().ToList();
        var registered = await db.PartyMembers.AsNoTracking().Where(m => phones.Contains(m.Phone)).Select(m => m.Phone).ToListAsync(cancellationToken);
        var seen = new HashSet<string>();
        foreach (var row in rows)
        {
            row.Errors.Clear();
            if (row.Name is null) row.Errors.Add("Import.NameMissing");
            else if (row.Name.Length > FieldLengths.PersonName) row.Errors.Add("Volunteer.TextTooLong");
            if (!ChinesePhone.IsValid(row.Phone)) row.Errors.Add("Import.BadPhone");
            else if (!seen.Add(row.Phone!)) row.Errors.Add("Import.DuplicateInFile");
            else if (registered.Contains(row.Phone!)) row.Errors.Add("Import.AlreadyRegistered");
            var community = communities.FirstOrDefault(c => c.Name == row.Community);
            if (community is null) row.Errors.Add("Import.UnknownCommunity");
            else if (row.Compound is not null && community.Compounds.All(x => x.Name != row.Compound)) row.Errors.Add("Import.UnknownCompound");
            if (row.ReportedOn is not null && !DateOnly.TryParse(row.ReportedOn, CultureInfo.InvariantCulture, out _)) row.Errors.Add("Import.BadDate");
            if ((row.Branch?.Length ?? 0) > PartyMember.BranchLength || (row.Skills?.Length ?? 0) > PartyMember.SkillsLength) row.Errors.Add("Volunteer.TextTooLong");
        }
    }

    /// <summary>Adds the rows without errors as pending registrations of the unit's members; returns how many.</summary>
    public async Task<int> AddAsync(List<ImportRow> rows, int subDistrictId, int memberUnitId, DateOnly today, CancellationToken cancellationToken)
    {
        var communities = await db.Communities.AsNoTracking().Where(c => c.SubDistrictId == subDistrictId)
            .Select(c => new { c.Id, c.Name, Compounds = c.Compounds.Select(x => new { x.Id, x.Name }).ToList() }).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var row in rows.Where(r => r.Errors.Count == 0))
        {
            var community = communities.Single(c => c.Name == row.Community);
            var compound = row.Compound is null ? null : community.Compounds.Single(x => x.Name == row.Compound);
            var reported = row.ReportedOn is not null && DateOnly.TryParse(row.ReportedOn, CultureInfo.InvariantCulture, out var d) ? d : today;
            db.PartyMembers.Add(PartyMember.Register(new PartyMemberDetails(row.Name, row.Phone, memberUnitId, null, row.Branch, community.Id, compound?.Id, row.Skills, reported)));
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Minimal CSV: commas, double-quoted fields with "" escapes, CRLF or LF.</summary>
    private static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                rows.Add([.. row]); row.Clear();
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
