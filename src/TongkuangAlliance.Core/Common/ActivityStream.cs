namespace TongkuangAlliance.Core.Common;

/// <summary>
/// The six streams of the "1+6" programme (党建+…) that activities, joint projects and action items belong to.
/// Stored by name; shown through the resource key "ActivityStream.&lt;Member&gt;".
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A \"1+6\" work stream, not an I/O stream.")]
public enum ActivityStream
{
    HappyCompound = 1,   // 幸福小区
    Consultation = 2,    // 协商议事
    EveningSchool = 3,   // 居民夜校
    GrowingGarden = 4,   // 成长乐园
    ElderCareStation = 5, // 养老驿站
    Volunteering = 6,    // 志愿服务
}
