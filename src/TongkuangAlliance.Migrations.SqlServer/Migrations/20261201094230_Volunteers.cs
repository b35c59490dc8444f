using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TongkuangAlliance.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Volunteers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PartyMemberId",
                table: "AspNetUsers",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PartyMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    MemberUnitId = table.Column<int>(type: "int", nullable: true),
                    EmployerName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    PartyBranch = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    HomeCommunityId = table.Column<int>(type: "int", nullable: false),
                    HomeCompoundId = table.Column<int>(type: "int", nullable: true),
                    Skills = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Registration = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PhoneTail = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    RowVersion = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ModifiedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ModifiedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartyMembers_Communities_HomeCommunityId",
                        column: x => x.HomeCommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartyMembers_Compounds_HomeCompoundId",
                        column: x => x.HomeCompoundId,
                        principalTable: "Compounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartyMembers_MemberUnits_MemberUnitId",
                        column: x => x.MemberUnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivitySignUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActivityId = table.Column<int>(type: "int", nullable: false),
                    ActivityServiceId = table.Column<int>(type: "int", nullable: false),
                    PartyMemberId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    QueuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RowVersion = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ModifiedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ModifiedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivitySignUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivitySignUps_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActivitySignUps_ActivityServices_ActivityServiceId",
                        column: x => x.ActivityServiceId,
                        principalTable: "ActivityServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActivitySignUps_PartyMembers_PartyMemberId",
                        column: x => x.PartyMemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActivityId = table.Column<int>(type: "int", nullable: false),
                    PartyMemberId = table.Column<int>(type: "int", nullable: false),
                    CheckedInAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CheckedOutAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Source = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    CheckOutSource = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Minutes = table.Column<int>(type: "int", nullable: true),
                    CorrectionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RowVersion = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ModifiedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ModifiedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckIns_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckIns_PartyMembers_PartyMemberId",
                        column: x => x.PartyMemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PartyMemberId",
                table: "AspNetUsers",
                column: "PartyMemberId",
                unique: true,
                filter: "[PartyMemberId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySignUps_ActivityId_PartyMemberId",
                table: "ActivitySignUps",
                columns: new[] { "ActivityId", "PartyMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySignUps_ActivityServiceId_Status_QueuedAtUtc",
                table: "ActivitySignUps",
                columns: new[] { "ActivityServiceId", "Status", "QueuedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySignUps_PartyMemberId",
                table: "ActivitySignUps",
                column: "PartyMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_ActivityId_PartyMemberId",
                table: "CheckIns",
                columns: new[] { "ActivityId", "PartyMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CheckedInAtUtc",
                table: "CheckIns",
                column: "CheckedInAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_PartyMemberId_CheckedInAtUtc",
                table: "CheckIns",
                columns: new[] { "PartyMemberId", "CheckedInAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_HomeCommunityId_Name",
                table: "PartyMembers",
                columns: new[] { "HomeCommunityId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_HomeCompoundId",
                table: "PartyMembers",
                column: "HomeCompoundId");

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_MemberUnitId_Name",
                table: "PartyMembers",
                columns: new[] { "MemberUnitId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_Phone",
                table: "PartyMembers",
                column: "Phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_PhoneTail",
                table: "PartyMembers",
                column: "PhoneTail");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_PartyMembers_PartyMemberId",
                table: "AspNetUsers",
                column: "PartyMemberId",
                principalTable: "PartyMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_PartyMembers_PartyMemberId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ActivitySignUps");

            migrationBuilder.DropTable(
                name: "CheckIns");

            migrationBuilder.DropTable(
                name: "PartyMembers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PartyMemberId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PartyMemberId",
                table: "AspNetUsers");
        }
    }
}
