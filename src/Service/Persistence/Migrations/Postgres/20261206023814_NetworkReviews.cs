using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koostoo.Service.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NetworkReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    WorkflowInstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Asked = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    RespondentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    InformationFlow = table.Column<int>(type: "integer", nullable: false),
                    SharedResponsibility = table.Column<int>(type: "integer", nullable: false),
                    EqualTreatment = table.Column<int>(type: "integer", nullable: false),
                    LeaderSupport = table.Column<int>(type: "integer", nullable: false),
                    RemoteAreas = table.Column<int>(type: "integer", nullable: false),
                    TargetGroup = table.Column<int>(type: "integer", nullable: false),
                    Expectations = table.Column<string>(type: "text", nullable: true),
                    GivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceRequestId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_answers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_network_reviews_NetworkId_Number",
                table: "network_reviews",
                columns: new[] { "NetworkId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_reviews_WorkflowInstanceId",
                table: "network_reviews",
                column: "WorkflowInstanceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_answers_MemberId",
                table: "review_answers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_review_answers_ReviewId",
                table: "review_answers",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_review_answers_SourceRequestId",
                table: "review_answers",
                column: "SourceRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_reviews");

            migrationBuilder.DropTable(
                name: "review_answers");
        }
    }
}
